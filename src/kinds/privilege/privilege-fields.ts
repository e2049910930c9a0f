/**
 * Object fields the privilege comparison owns (privilege-compare.ts): the other kinds' diffs skip
 * them, since a grant is changed by GRANT / REVOKE, never by recreating or altering the object,
 * and only grants to managed roles count.
 */
export const PRIVILEGE_FIELDS: readonly string[] = ['grants', 'columnGrants', 'owner', 'rowTypeGrants', 'multirangeGrants', 'multirangeOwner'];
