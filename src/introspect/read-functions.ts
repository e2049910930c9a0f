import { type AclRow, aclRowFields, grantsColumn, ownerColumn } from './acl-field.js';
import type { CatalogScope } from './catalog-scope.js';
import type { FunctionDef } from '../model/index.js';
import { routineAttributeFields } from '../model/routine-attributes.js';
import type { CatalogQuery } from './catalog-query.js';
import { commentJoin, inScope, notInExtension } from './catalog-scope.js';
import { commentField } from './comment-field.js';
import { lowerDefinition } from './lower-definition.js';

const sql = (scope: CatalogScope): string => `
SELECT n.nspname AS schema, p.proname AS name, pg_catalog.pg_get_functiondef(p.oid) AS definition,
  ${grantsColumn('p.proacl', 'p.proowner', 'f')}, ${ownerColumn(scope, 'p.proowner')},
  d.description
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
${commentJoin('d', 'pg_proc', 'p.oid')}
WHERE p.prokind IN ('f', 'p') AND ${inScope('n')} AND ${notInExtension('pg_proc', 'p.oid')}
  -- The constructors CREATE TYPE .. AS RANGE makes (of the range and its multirange) belong to the type.
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_proc'::regclass AND x.objid = p.oid
    AND x.refclassid = 'pg_type'::regclass AND x.deptype = 'i')
ORDER BY n.nspname, p.proname, p.oid`;

/**
 * Functions and procedures (aggregates and window functions have no pg_get_functiondef). The
 * CREATE statement PostgreSQL prints is lowered like a migration's, so the identity arguments,
 * which key overloads, are spelled the same way on both sides.
 */
export const readFunctions: CatalogQuery<{ schema: string; name: string; definition: string; description: string | null } & AclRow, FunctionDef[]> = {
  sql,
  build: (rows) =>
    rows.map((r) => {
      const ddl = lowerDefinition('createFunction', r.definition, `function ${r.schema}.${r.name}`);
      return {
        schema: r.schema,
        name: r.name,
        identityArgs: ddl.identityArgs,
        args: ddl.args,
        kind: ddl.procedure ? 'procedure' : 'function',
        ...(ddl.returns !== undefined ? { returns: ddl.returns } : {}),
        language: ddl.language,
        body: ddl.body,
        volatility: ddl.volatility,
        strict: ddl.strict,
        securityDefiner: ddl.securityDefiner,
        ...routineAttributeFields(ddl),
        ...aclRowFields('function', r),
        ...commentField(r.description),
      };
    }),
};
