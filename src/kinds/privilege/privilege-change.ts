import type { PrivilegeStep } from '../../diff/diff-privileges.js';

/** The change the privilege kind emits: one object's GRANT / REVOKE (or owner) statements, or one default-privileges entry's. */
export type PrivilegeChange = {
  readonly kind: 'setPrivileges';
  readonly step: PrivilegeStep;
};
