import { objectSpecs } from '../kind-lookup.js';
import type { KindModule } from '../kind-module.js';
import { refGroup, refName } from '../object-names.js';
import { objectFactKey, RENAMED_FROM } from '../../plan/plan-context.js';
import { renameActions } from './rename-actions.js';
import type { RenameChange } from './rename-change.js';

/** The rename (or move) of an object of any kind: the kind's ObjectSpec gives the statements. */
export const renameKind: KindModule<'rename', RenameChange, never> = {
  name: 'rename',
  changes: {
    rename: {
      build: renameActions,
      // The latest rename to the new name, not the object's creation.
      eventOrigin: (c, events) => events.renamedTo(c.object, c.to),
      diagram: (c, marks) => objectSpecs()[c.object].diagram?.rename?.(c.from, c.to, marks),
      // The builders find live objects by the names they have before the renames (PlanContext.liveRef).
      scan: (c, facts) => facts.set(RENAMED_FROM, objectFactKey(c.object, c.to), c.from),
      describe: (c) => ({ object: c.object, name: refName(c.object, c.to), group: refGroup(c.object, c.to), action: 'rename', detail: `from ${refName(c.object, c.from)}` }),
    },
  },
  objects: {},
};
