import { type OperatorDef, type QualifiedName, qualify, qualifyOperator } from '../model/index.js';
import type { Mutable } from '../model/mutable.js';
import { type AclRow, ownerColumn } from './acl-field.js';
import type { CatalogQuery } from './catalog-query.js';
import { type CatalogScope, commentJoin, inScope, notInExtension } from './catalog-scope.js';
import { commentField } from './comment-field.js';
import { type TypeRow, typeTextOfRow } from './column-type.js';

interface Row extends Pick<AclRow, 'owner'> {
  schema: string;
  name: string;
  left: TypeRow | null;
  right: TypeRow | null;
  function: QualifiedName;
  commutator: QualifiedName | null;
  negator: QualifiedName | null;
  restrict: QualifiedName | null;
  join: QualifiedName | null;
  hashes: boolean;
  merges: boolean;
  description: string | null;
}

/** An operand type as the columns query reads a type (TypeRow), or NULL for NONE (oid 0). */
function operand(oid: string): string {
  return `(SELECT pg_catalog.json_build_object('formatted', pg_catalog.format_type(t.oid, NULL),
      'element_schema', etn.nspname, 'element_name', et.typname, 'is_array', e.oid IS NOT NULL, 'typmod', -1)
    FROM pg_catalog.pg_type t
    LEFT JOIN pg_catalog.pg_type e ON e.typarray = t.oid
    JOIN pg_catalog.pg_type et ON et.oid = COALESCE(e.oid, t.oid)
    JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
    WHERE t.oid = ${oid})`;
}

/** `{schema, name}` of the function or operator an oid names, NULL for 0. */
function named(catalog: 'pg_proc' | 'pg_operator', oid: string): string {
  const [name, nsp] = catalog === 'pg_proc' ? ['proname', 'pronamespace'] : ['oprname', 'oprnamespace'];
  return `(SELECT pg_catalog.json_build_object('schema', xn.nspname, 'name', x.${name})
    FROM pg_catalog.${catalog} x JOIN pg_catalog.pg_namespace xn ON xn.oid = x.${nsp} WHERE x.oid = ${oid})`;
}

// Shell operators (oprcode 0: named as a commutator or negator, never defined) are left out, as
// pg_dump leaves them out; the JOIN on pg_proc does that.
const sql = (scope: CatalogScope): string => `
SELECT n.nspname AS schema, o.oprname AS name, ${operand('o.oprleft')} AS left, ${operand('o.oprright')} AS right,
  pg_catalog.json_build_object('schema', pn.nspname, 'name', p.proname) AS function,
  ${named('pg_operator', 'o.oprcom')} AS commutator, ${named('pg_operator', 'o.oprnegate')} AS negator,
  ${named('pg_proc', 'o.oprrest')} AS restrict, ${named('pg_proc', 'o.oprjoin')} AS join,
  o.oprcanhash AS hashes, o.oprcanmerge AS merges,
  ${ownerColumn(scope, 'o.oprowner')}, d.description
FROM pg_catalog.pg_operator o
JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
JOIN pg_catalog.pg_proc p ON p.oid = o.oprcode
JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
${commentJoin('d', 'pg_operator', 'o.oid')}
WHERE ${inScope('n')} AND ${notInExtension('pg_operator', 'o.oid')}
ORDER BY n.nspname, o.oprname, o.oid`;

/** Operators of user schemas with their function, links and estimators, spelled as replay records them. */
export const readOperators: CatalogQuery<Row, OperatorDef[]> = {
  sql,
  build: (rows) =>
    rows.map((r) => {
      const op: Mutable<OperatorDef> = { schema: r.schema, name: r.name, function: qualify(r.function), hashes: r.hashes, merges: r.merges };
      if (r.left) op.left = typeTextOfRow(r.left);
      if (r.right) op.right = typeTextOfRow(r.right);
      if (r.commutator) op.commutator = qualifyOperator(r.commutator);
      if (r.negator) op.negator = qualifyOperator(r.negator);
      if (r.restrict) op.restrict = qualify(r.restrict);
      if (r.join) op.join = qualify(r.join);
      if (r.owner) op.owner = r.owner;
      return Object.assign(op, commentField(r.description));
    }),
};
