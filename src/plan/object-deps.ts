import type { QualifiedName } from '../model/names.js';
import type { SchemaState } from '../model/schema-state.js';
import { kinds } from '../kinds/kind-lookup.js';
import { functionDep, relationDep, typeDep, type DepKey } from './dependency-keys.js';
import type { Mentionable } from './mentions.js';

/**
 * What an object provides and needs, for ordering: `provides` keys (of which `mentionables` can
 * be named in expressions), `requires` keys, and SQL texts whose mentioned names are needed too.
 * Used for the target objects of creations and, reversed, for the live objects that drops remove.
 */
export interface Deps {
  readonly provides: readonly DepKey[];
  readonly mentionables: readonly Mentionable[];
  readonly requires: readonly DepKey[];
  readonly mentions: readonly string[];
}

/** No dependencies. */
export const NO_DEPS: Deps = { provides: [], mentionables: [], requires: [], mentions: [] };

/** Unions several Deps. */
export function mergeDeps(...parts: readonly Deps[]): Deps {
  return {
    provides: parts.flatMap((p) => p.provides),
    mentionables: parts.flatMap((p) => p.mentionables),
    requires: parts.flatMap((p) => p.requires),
    mentions: parts.flatMap((p) => p.mentions),
  };
}

/** Builds Deps, leaving out what is empty. */
export function deps(d: Partial<Deps>): Deps {
  return { ...NO_DEPS, ...d };
}

/** Something in pg_class (table, view, sequence, index) that expressions can name. */
export function relationMention(rel: QualifiedName): Mentionable {
  return { key: relationDep(rel), ref: { schema: rel.schema, name: rel.name } };
}

/** A type (pg_type: enums, domains) that expressions can name. */
export function typeMention(t: QualifiedName): Mentionable {
  return { key: typeDep(t), ref: { schema: t.schema, name: t.name } };
}

/** A function name (every overload) that expressions can name. */
export function routineMention(f: QualifiedName): Mentionable {
  return { key: functionDep(f), ref: { schema: f.schema, name: f.name } };
}

/**
 * Everything expressions in a state can name (relations, types, functions: each kind's
 * `mentionables`), without computing the rest of the objects' Deps.
 */
export function stateMentionables(s: SchemaState): Mentionable[] {
  return kinds().flatMap((k) => [...(k.mentionables?.(s) ?? [])]);
}
