import type { SequenceDef } from '../../model/objects.js';
import { relationDep, schemaDep } from '../../plan/dependency-keys.js';
import { relationMention, deps, type Deps } from '../../plan/object-deps.js';

/** A sequence (its owner is a separate, later action). */
export function sequenceDeps(s: SequenceDef): Deps {
  return deps({ provides: [relationDep(s)], mentionables: [relationMention(s)], requires: [schemaDep(s.schema)] });
}
