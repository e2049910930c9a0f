import { collationName, type DomainCheck, type DomainDef } from '../model/index.js';
import type { Mutable } from '../model/mutable.js';
import { normalizeExpression, parseConstraintDefinition } from '../parse/index.js';
import type { CatalogQuery } from './catalog-query.js';
import { commentJoin, inScope, notInExtension } from './catalog-scope.js';
import { commentField } from './comment-field.js';
import { type TypeRow, typeTextOfRow } from './column-type.js';
import { type AclRow, aclRowFields, grantsColumn, ownerColumn } from './acl-field.js';
import type { CatalogScope } from './catalog-scope.js';

interface CheckRow {
  name: string;
  definition: string;
  validated: boolean;
  description: string | null;
}

interface Row extends TypeRow, AclRow {
  schema: string;
  name: string;
  not_null: boolean;
  default: string | null;
  collation: string | null;
  collation_schema: string | null;
  checks: CheckRow[];
  description: string | null;
}

// PostgreSQL 15 keeps a domain's NOT NULL in typnotnull (17+ also as a contype 'n' constraint, left
// out here). `e`/`et` give the element of an array base type, as in the columns query.
const sql = (scope: CatalogScope): string => `
SELECT n.nspname AS schema, t.typname AS name,
  pg_catalog.format_type(t.typbasetype, t.typtypmod) AS formatted,
  etn.nspname AS element_schema, et.typname AS element_name, e.oid IS NOT NULL AS is_array,
  t.typtypmod AS typmod, t.typnotnull AS not_null, t.typdefault AS default,
  CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN co.collname END AS collation,
  (SELECT cn.nspname FROM pg_catalog.pg_namespace cn WHERE cn.oid = co.collnamespace) AS collation_schema,
  COALESCE((SELECT json_agg(json_build_object(
      'name', c.conname, 'definition', pg_catalog.pg_get_constraintdef(c.oid),
      'validated', c.convalidated, 'description', cd.description) ORDER BY c.conname)
    FROM pg_catalog.pg_constraint c
    ${commentJoin('cd', 'pg_constraint', 'c.oid')}
    WHERE c.contypid = t.oid AND c.contype = 'c'), '[]'::json) AS checks,
  ${grantsColumn('t.typacl', 't.typowner', 'T')}, ${ownerColumn(scope, 't.typowner')},
  d.description
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_type e ON e.typarray = t.typbasetype
JOIN pg_catalog.pg_type et ON et.oid = COALESCE(e.oid, t.typbasetype)
JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
${commentJoin('d', 'pg_type', 't.oid')}
WHERE t.typtype = 'd' AND ${inScope('n')} AND ${notInExtension('pg_type', 't.oid')}
ORDER BY n.nspname, t.typname`;

/** A domain CHECK from `pg_get_constraintdef` (`CHECK ((VALUE > 0))`), lowered like a migration's. */
function readCheck(domain: string, r: CheckRow): DomainCheck {
  let spec;
  try {
    spec = parseConstraintDefinition('c', r.definition);
  } catch (err) {
    throw new Error(`cannot read constraint ${r.name} of domain ${domain}: ${(err as Error).message}\n${r.definition}`);
  }
  if (spec.type !== 'check') throw new Error(`constraint ${r.name} of domain ${domain} is not a CHECK: ${r.definition}`);
  return { name: r.name, expression: spec.expression, validated: r.validated, ...commentField(r.description) };
}

/** Domains with their base type (typmod and array included), default, NOT NULL, collation and CHECKs. */
export const readDomains: CatalogQuery<Row, DomainDef[]> = {
  sql,
  build: (rows) =>
    rows.map((r) => {
      const baseType = typeTextOfRow(r);
      const dom: Mutable<DomainDef> = { schema: r.schema, name: r.name, baseType, notNull: r.not_null, checks: [] };
      if (r.collation !== null) dom.collation = collationName(r.collation_schema ?? undefined, r.collation);
      if (r.default !== null) dom.default = normalizeExpression(r.default);
      dom.checks = r.checks.map((c) => readCheck(`${r.schema}.${r.name}`, c));
      if (r.description !== null) dom.comment = r.description;
      return { ...dom, ...aclRowFields('type', r) };
    }),
};
