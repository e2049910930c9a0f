import { type DefaultPrivilegeDef, type DefaultPrivilegeObjects, defaultGrants, defaultObjectsKind, sameGrants, sortGrants } from '../model/privileges.js';
import { type GrantRow, grantsColumn, grantsFromRows } from './acl-field.js';
import type { CatalogQuery } from './catalog-query.js';
import { inScope } from './catalog-scope.js';

const OBJECTS: Record<string, DefaultPrivilegeObjects> = { r: 'tables', S: 'sequences', f: 'functions', T: 'types', n: 'schemas' };

// Global entries (defaclnamespace 0) hold the whole ACL, owner included: its own rows are left out.
const SQL = `
SELECT pg_catalog.pg_get_userbyid(da.defaclrole) AS role, da.defaclrole = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user) AS is_current,
  n.nspname AS schema, da.defaclobjtype AS objtype,
  ${grantsColumn('da.defaclacl', 'da.defaclrole', null)}
FROM pg_catalog.pg_default_acl da
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = da.defaclnamespace
WHERE da.defaclnamespace = 0 OR ${inScope('n')}
ORDER BY 1, 3, 4`;

interface Row {
  role: string;
  is_current: boolean;
  schema: string | null;
  objtype: string;
  grants: GrantRow[] | null;
}

/**
 * pg_default_acl entries: the current role's as the migration's own (no `role`), other roles'
 * by name (compared only when the history names them). A global entry equal to the default is
 * left out, as replay leaves it out.
 */
export const readDefaultPrivileges: CatalogQuery<Row, DefaultPrivilegeDef[]> = {
  sql: () => SQL,
  build: (rows) => {
    const out: DefaultPrivilegeDef[] = [];
    for (const r of rows) {
      const objects = OBJECTS[r.objtype];
      if (!objects) continue;
      const grants = sortGrants(grantsFromRows(r.grants));
      const base = r.schema === null ? defaultGrants(defaultObjectsKind(objects)) : [];
      if (sameGrants(grants, base)) continue;
      out.push({ ...(r.is_current ? {} : { role: r.role }), ...(r.schema !== null ? { schema: r.schema } : {}), objects, grants });
    }
    return out;
  },
};
