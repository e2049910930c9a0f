import { quoteIdent } from '../names.js';
import { type DefaultPrivilegeDef, type Grant, PUBLIC } from '../privileges.js';

/** A grantee as GRANT spells it: PUBLIC bare, a role quoted as needed. */
export function granteeSql(grantee: string): string {
  return grantee === PUBLIC ? 'PUBLIC' : quoteIdent(grantee);
}

/**
 * GRANT statements giving `grants` on `on` (e.g. `TABLE public.t`), one per grantee and grant
 * option; `column` makes them column privileges (`GRANT SELECT (c) ON TABLE t`).
 */
export function grantSql(on: string, grants: readonly Grant[], column?: string): string[] {
  return grouped(grants).map(({ grantee, grantable, privileges }) =>
    `GRANT ${privilegeList(privileges, column)} ON ${on} TO ${granteeSql(grantee)}${grantable ? ' WITH GRANT OPTION' : ''}`);
}

/**
 * REVOKE statements taking `grants` away; a grant marked `grantable` here takes only the grant
 * option (`REVOKE GRANT OPTION FOR`), the privilege stays.
 */
export function revokeSql(on: string, grants: readonly Grant[], column?: string): string[] {
  return grouped(grants).map(({ grantee, grantable, privileges }) =>
    `REVOKE ${grantable ? 'GRANT OPTION FOR ' : ''}${privilegeList(privileges, column)} ON ${on} FROM ${granteeSql(grantee)}`);
}

/** `ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT ... ON TABLES TO ...` (and REVOKE). */
export function defaultPrivilegesSql(entry: Pick<DefaultPrivilegeDef, 'role' | 'schema' | 'objects'>, grant: readonly Grant[], revoke: readonly Grant[]): string[] {
  const head = `ALTER DEFAULT PRIVILEGES${entry.role !== undefined ? ` FOR ROLE ${quoteIdent(entry.role)}` : ''}${entry.schema !== undefined ? ` IN SCHEMA ${quoteIdent(entry.schema)}` : ''}`;
  const on = entry.objects.toUpperCase();
  return [
    ...revokeSql(on, revoke).map((s) => `${head} ${s}`),
    ...grantSql(on, grant).map((s) => `${head} ${s}`),
  ];
}

function privilegeList(privileges: readonly string[], column?: string): string {
  const col = column !== undefined ? ` (${quoteIdent(column)})` : '';
  return privileges.map((p) => `${p}${col}`).join(', ');
}

/** Grants grouped by grantee and grant option, in a stable order. */
function grouped(grants: readonly Grant[]): { grantee: string; grantable: boolean; privileges: string[] }[] {
  const out = new Map<string, { grantee: string; grantable: boolean; privileges: string[] }>();
  for (const g of grants) {
    const k = `${g.grantee}\u0000${g.grantable}`;
    let e = out.get(k);
    if (!e) out.set(k, (e = { grantee: g.grantee, grantable: g.grantable, privileges: [] }));
    if (!e.privileges.includes(g.privilege)) e.privileges.push(g.privilege);
  }
  return [...out.values()];
}
