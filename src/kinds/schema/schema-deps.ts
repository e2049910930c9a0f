import type { SchemaDef } from '../../model/objects.js';
import { schemaDep } from '../../plan/dependency-keys.js';
import { deps, type Deps } from '../../plan/object-deps.js';

/** A schema. */
export function schemaDeps(s: SchemaDef): Deps {
  return deps({ provides: [schemaDep(s.name)] });
}
