import type { CompositeTypeDef } from '../../model/objects.js';
import { columnDep, schemaDep, typeDep } from '../../plan/dependency-keys.js';
import { deps, typeMention, type Deps } from '../../plan/object-deps.js';

/** A composite type: its schema, and the types of its attributes; it provides them as columns of the type. */
export function compositeTypeDeps(c: CompositeTypeDef): Deps {
  return deps({
    provides: [typeDep(c), ...c.attributes.map((a) => columnDep(c, a.name))],
    mentionables: [typeMention(c)],
    requires: [schemaDep(c.schema)],
    mentions: c.attributes.map((a) => a.type),
  });
}
