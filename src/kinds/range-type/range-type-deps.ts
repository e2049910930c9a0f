import type { RangeTypeDef } from '../../model/objects.js';
import { schemaDep, typeDep } from '../../plan/dependency-keys.js';
import { deps, typeMention, type Deps } from '../../plan/object-deps.js';

/** A range type and its multirange (both named types): its schema, subtype and functions. */
export function rangeTypeDeps(r: RangeTypeDef): Deps {
  return deps({
    provides: [typeDep(r), typeDep(r.multirange)],
    mentionables: [typeMention(r), typeMention(r.multirange)],
    requires: [schemaDep(r.schema), schemaDep(r.multirange.schema)],
    mentions: [r.subtype, ...(r.canonical !== undefined ? [r.canonical] : []), ...(r.subtypeDiff !== undefined ? [r.subtypeDiff] : [])],
  });
}
