import type { KindModule } from '../kind-module.js';
import { setPrivilegesActions } from './privilege-actions.js';
import type { PrivilegeChange } from './privilege-change.js';
import { diffPrivilegeKind } from './privilege-diff.js';

/**
 * GRANT / REVOKE and ALTER DEFAULT PRIVILEGES for the roles the history names. Privileges live
 * on other kinds' objects (compared by compare-privileges.ts for check), so this kind owns no
 * ObjectKind; default-privileges entries are shown under `schema`.
 */
export const privilegeKind: KindModule<'privilege', PrivilegeChange, never> = {
  name: 'privilege',
  diff: diffPrivilegeKind,
  changes: {
    setPrivileges: {
      build: setPrivilegesActions,
      describe: (c) => ({
        object: c.step.object === 'default privileges' ? 'schema' : c.step.object,
        name: c.step.name,
        group: c.step.name,
        action: c.step.object === 'default privileges' ? 'alter default privileges' : 'set privileges on',
        detail: c.step.detail,
      }),
    },
  },
  objects: {},
};
