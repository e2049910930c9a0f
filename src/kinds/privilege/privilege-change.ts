import type { PrivilegeStep } from './privilege-steps.js';

/** The change the privilege kind emits: one object's GRANT / REVOKE (or owner) statements, or one default-privileges entry's. */
export type PrivilegeChange = {
  readonly kind: 'setPrivileges';
  readonly step: PrivilegeStep;
};

/**
 * What only privilege changes risk: `access loss` (a REVOKE on an existing object: roles lose
 * access, no data is lost), `owner change` (ALTER ... OWNER TO on an existing object: the old owner
 * loses the owner's rights, ALTER, DROP, its implicit privileges, and the grants it made pass to the new owner).
 */
export type PrivilegeHazard = 'access loss' | 'owner change';

/** Why a privilege change needs a person's eye: `access loss` (review: a REVOKE on an existing object), `owner change` (review: ALTER ... OWNER TO on an existing object, `--owners`). */
export type PrivilegeConcern = 'access loss' | 'owner change';
