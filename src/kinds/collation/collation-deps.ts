import type { QualifiedName } from '../../model/names.js';
import type { CollationDef } from '../../model/objects.js';
import { namedDep, schemaDep, type DepKey } from '../../plan/dependency-keys.js';
import type { Mentionable } from '../../plan/mentions.js';
import { deps, type Deps } from '../../plan/object-deps.js';

/** Key of a collation (its own name space per schema). */
export function collationDep(c: QualifiedName): DepKey {
  return namedDep('collation', c);
}

/** A collation expressions (COLLATE) and column types can name. */
export function collationMention(c: QualifiedName): Mentionable {
  return { key: collationDep(c), ref: { schema: c.schema, name: c.name } };
}

/** A collation: its schema. */
export function collationDeps(c: CollationDef): Deps {
  return deps({ provides: [collationDep(c)], mentionables: [collationMention(c)], requires: [schemaDep(c.schema)] });
}
