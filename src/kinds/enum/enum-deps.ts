import type { EnumDef } from '../../model/objects.js';
import { enumValueDep, schemaDep, typeDep } from '../../plan/dependency-keys.js';
import { typeMention, deps, type Deps } from '../../plan/object-deps.js';

/** An enum type and its labels. */
export function enumDeps(e: EnumDef): Deps {
  return deps({
    provides: [typeDep(e), ...e.values.map((v) => enumValueDep(e, v))],
    mentionables: [typeMention(e)],
    requires: [schemaDep(e.schema)],
  });
}
