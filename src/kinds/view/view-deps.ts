import type { ViewDef } from '../../model/objects.js';
import { relationDep, schemaDep } from '../../plan/dependency-keys.js';
import { relationMention, deps, type Deps } from '../../plan/object-deps.js';

/** A view: whatever its query mentions (the canonical text and the executable definition). */
export function viewDeps(v: ViewDef): Deps {
  return deps({
    provides: [relationDep(v)],
    mentionables: [relationMention(v)],
    requires: [schemaDep(v.schema)],
    mentions: [v.query, v.definition],
  });
}
