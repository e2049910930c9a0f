import type { PolicyDef } from '../model/index.js';
import type { Mutable } from '../model/mutable.js';
import { normalizeExpression } from '../parse/index.js';
import type { CatalogQuery } from './catalog-query.js';
import { type CatalogScope, commentJoin, inScope } from './catalog-scope.js';

/** A policy and the oid of its table. */
export interface PolicyOfTable {
  readonly tableOid: number;
  readonly policy: PolicyDef;
}

interface Row {
  table_oid: number;
  schema: string;
  table_name: string;
  name: string;
  command: string;
  permissive: boolean;
  roles: string;
  using_expr: string | null;
  check_expr: string | null;
  description: string | null;
}

const COMMANDS: Record<string, PolicyDef['command']> = { '*': 'all', r: 'select', a: 'insert', w: 'update', d: 'delete' };

/** polroles holds role oids, 0 for PUBLIC (which is then the only entry). */
const sql = (_scope: CatalogScope): string => `
SELECT p.polrelid AS table_oid, n.nspname AS schema, c.relname AS table_name, p.polname AS name,
  p.polcmd AS command, p.polpermissive AS permissive,
  pg_catalog.array_to_json(ARRAY(SELECT r.rolname FROM pg_catalog.pg_roles r WHERE r.oid = ANY (p.polroles)))::text AS roles,
  pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
  pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,
  d.description
FROM pg_catalog.pg_policy p
JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
${commentJoin('d', 'pg_policy', 'p.oid')}
WHERE ${inScope('n')}
ORDER BY n.nspname, c.relname, p.polname`;

/**
 * Row-level security policies of tables in scope. Expressions go through the same normaliser
 * as the migrations' (pg_get_expr prints PostgreSQL's stored tree: casts added, IN as ANY).
 */
export const readPolicies: CatalogQuery<Row, PolicyOfTable[]> = {
  sql,
  build: (rows) =>
    rows.map((r) => {
      const policy: Mutable<PolicyDef> = {
        schema: r.schema, table: r.table_name, name: r.name, permissive: r.permissive,
        command: COMMANDS[r.command] ?? 'all',
        roles: (JSON.parse(r.roles) as string[]).sort(),
      };
      // pg_get_expr prints them under the table's name (a sub-select's FROM item of that name is `t_1`).
      if (r.using_expr !== null) policy.using = normalizeExpression(r.using_expr, [r.table_name]);
      if (r.check_expr !== null) policy.withCheck = normalizeExpression(r.check_expr, [r.table_name]);
      if (r.description != null) policy.comment = r.description;
      return { tableOid: r.table_oid, policy };
    }),
};
