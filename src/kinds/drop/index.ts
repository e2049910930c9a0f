import { objectSpecs } from '../kind-lookup.js';
import type { KindModule } from '../kind-module.js';
import { refGroup, refName } from '../object-names.js';
import { dropActions, noteDrop } from './drop-actions.js';
import type { DropObjectChange } from './drop-change.js';

/** The drop of an object of any kind: the kind's ObjectSpec gives the live object and the DROP statement. */
export const dropKind: KindModule<'drop', DropObjectChange, never> = {
  name: 'drop',
  changes: {
    drop: {
      build: dropActions,
      scan: noteDrop,
      diagram: (c, marks) => objectSpecs()[c.object].diagram?.drop?.(c, marks),
      describe: (c) => ({
        object: c.object, name: refName(c.object, c.ref), group: refGroup(c.object, c.ref), action: c.reason === 'replace' ? 'drop (to recreate)' : 'drop',
        ...(c.differs?.length ? { detail: `${c.differs.join(', ')} differ${c.differs.length === 1 ? 's' : ''}` } : {}),
        ...(c.reason === 'undeclared' ? { detail: 'not declared by the migrations' } : {}),
      }),
    },
  },
  objects: {},
};
