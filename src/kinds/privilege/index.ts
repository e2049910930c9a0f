import type { KindModule } from '../kind-module.js';
import { compareDefaultPrivileges, privilegeDifferences, privilegeScope } from './privilege-compare.js';
import { PRIVILEGE_FIELDS } from './privilege-fields.js';
import { setPrivilegesActions } from './privilege-actions.js';
import type { PrivilegeChange, PrivilegeConcern, PrivilegeHazard } from './privilege-change.js';
import { diffPrivilegeKind } from './privilege-diff.js';

/**
 * GRANT / REVOKE and ALTER DEFAULT PRIVILEGES for the roles the history names. Privileges live
 * on other kinds' objects (compared by privilege-compare.ts for check), so this kind owns no
 * ObjectKind; default-privileges entries are shown under `schema`.
 */
export const privilegeKind: KindModule<'privilege', PrivilegeChange, never, PrivilegeHazard, PrivilegeConcern> = {
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
  ownsFields: PRIVILEGE_FIELDS,
  hazards: ['access loss', 'owner change'],
  concerns: {
    'access loss': { safety: 'review', hazard: 'access loss' },
    'owner change': { safety: 'review', hazard: 'owner change' },
  },
  compareState: (target, live, opts) => {
    const scope = privilegeScope(target, opts.owners);
    return { attributes: privilegeDifferences(target, live, scope), entries: compareDefaultPrivileges(target, live, scope) };
  },
};
