import type { KindModule } from '../kind-module.js';
import { refGroup, refName } from '../object-names.js';
import { renameActions } from './rename-actions.js';
import type { RenameChange } from './rename-change.js';

/** The rename (or move) of an object of any kind: the kind's ObjectSpec gives the statements. */
export const renameKind: KindModule<'rename', RenameChange, never> = {
  name: 'rename',
  changes: {
    rename: {
      build: renameActions,
      describe: (c) => ({ object: c.object, name: refName(c.object, c.to), group: refGroup(c.object, c.to), action: 'rename', detail: `from ${refName(c.object, c.from)}` }),
    },
  },
  objects: {},
};
