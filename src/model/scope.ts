import { excludeObjects, type ExcludeRule } from './exclude.js';
import type { SchemaState } from './schema-state.js';

/** What a comparison covers: `--schema` (empty: every schema) and the exclusion rules. */
export interface Scope {
  /** Only these schemas (empty or absent: all). */
  readonly schemas?: readonly string[];
  /** Objects left out (the config file's and --exclude's rules). */
  readonly exclude?: readonly ExcludeRule[];
}

/**
 * The part of a state inside the given schemas. Applied to the replayed target and the live
 * state alike, so objects of other schemas are neither planned nor reported as extra (the
 * catalog read always returns `public`, whatever the scope). Extensions belong to the database,
 * not to a schema: both sides keep them.
 */
export function onlySchemas(s: SchemaState, schemas: readonly string[]): SchemaState {
  if (!schemas.length) return s;
  const keep = <T extends { schema: string }>(m: ReadonlyMap<string, T>): Map<string, T> =>
    new Map([...m].filter(([, v]) => schemas.includes(v.schema)));
  return {
    ...s,
    schemas: new Map([...s.schemas].filter(([, v]) => schemas.includes(v.name))),
    enums: keep(s.enums), domains: keep(s.domains), collations: keep(s.collations), operators: keep(s.operators), sequences: keep(s.sequences), tables: keep(s.tables), indexes: keep(s.indexes),
    views: keep(s.views), functions: keep(s.functions), aggregates: keep(s.aggregates), triggers: keep(s.triggers), policies: keep(s.policies), rules: keep(s.rules),
  };
}

/** The state as a command compares it: its schemas in scope, without the excluded objects. */
export function scopeState(s: SchemaState, scope: Scope): SchemaState {
  return excludeObjects(onlySchemas(s, scope.schemas ?? []), scope.exclude ?? []);
}

/**
 * `--schema` widened by the earlier names the history gave those schemas (ALTER SCHEMA .. RENAME)
 * that the target no longer has: a live database behind the history still has the schema under
 * such a name, and the diff must see it there to plan the rename (else it creates the schema
 * anew and never sees the old one). Undefined when there is none to add (every schema, or no
 * rename in scope): the live read already made with `schemas` stands.
 */
export function schemasWithPastNames(target: SchemaState, schemas: readonly string[]): readonly string[] | undefined {
  if (!schemas.length) return undefined;
  const out = [...schemas];
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of target.history) {
      if (e.event !== 'rename' || e.object !== 'schema') continue;
      const from = e.from.name;
      if (out.includes(e.to.name) && !out.includes(from) && !target.schemas.has(from)) grew = !!out.push(from);
    }
  }
  return out.length > schemas.length ? out : undefined;
}
