import type { ExtensionDef } from '../../model/objects.js';
import { extensionDep, schemaDep } from '../../plan/dependency-keys.js';
import { deps, type Deps } from '../../plan/object-deps.js';

/** An extension, which needs the schema it is installed into. */
export function extensionDeps(e: ExtensionDef): Deps {
  return deps({ provides: [extensionDep(e.name)], requires: e.schema !== undefined ? [schemaDep(e.schema)] : [] });
}
