import type { AggregateDef } from '../model/index.js';
import { qualify, quoteIdent, quoteLiteral, routineName } from '../model/names.js';
import type { CatalogQuery } from './catalog-query.js';
import { type CatalogScope, commentJoin, inScope, notInExtension } from './catalog-scope.js';
import { type AclRow, aclRowFields, grantsColumn, ownerColumn } from './acl-field.js';
import { commentField } from './comment-field.js';
import { lowerDefinition } from './lower-definition.js';

/** A routine or operator as [schema, name], or null (oid 0). */
type Ref = [string, string] | null;

interface Row extends AclRow {
  schema: string;
  name: string;
  args: string;
  kind: 'n' | 'o' | 'h';
  sfunc: Ref; finalfunc: Ref; combinefunc: Ref; serialfunc: Ref; deserialfunc: Ref; msfunc: Ref; minvfunc: Ref; mfinalfunc: Ref;
  stype: string;
  sspace: number;
  initcond: string | null;
  finalextra: boolean;
  finalmodify: 'r' | 's' | 'w';
  mstype: string | null;
  msspace: number;
  minitcond: string | null;
  mfinalextra: boolean;
  mfinalmodify: 'r' | 's' | 'w';
  sortop: Ref;
  parallel: 's' | 'r' | 'u';
  description: string | null;
}

const ROUTINES = { sfunc: 'aggtransfn', finalfunc: 'aggfinalfn', combinefunc: 'aggcombinefn', serialfunc: 'aggserialfn', deserialfunc: 'aggdeserialfn', msfunc: 'aggmtransfn', minvfunc: 'aggminvtransfn', mfinalfunc: 'aggmfinalfn' } as const;

const routineRef = (column: string): string =>
  `(SELECT pg_catalog.json_build_array(rn.nspname, r.proname) FROM pg_catalog.pg_proc r JOIN pg_catalog.pg_namespace rn ON rn.oid = r.pronamespace WHERE r.oid = a.${column})`;

const sql = (scope: CatalogScope): string => `
SELECT n.nspname AS schema, p.proname AS name, pg_catalog.pg_get_function_arguments(p.oid) AS args, a.aggkind AS kind,
  ${Object.entries(ROUTINES).map(([k, c]) => `${routineRef(c)} AS ${k}`).join(', ')},
  pg_catalog.format_type(a.aggtranstype, NULL) AS stype, a.aggtransspace AS sspace, a.agginitval AS initcond,
  a.aggfinalextra AS finalextra, a.aggfinalmodify AS finalmodify,
  CASE WHEN a.aggmtranstype <> 0 THEN pg_catalog.format_type(a.aggmtranstype, NULL) END AS mstype, a.aggmtransspace AS msspace,
  a.aggminitval AS minitcond, a.aggmfinalextra AS mfinalextra, a.aggmfinalmodify AS mfinalmodify,
  (SELECT pg_catalog.json_build_array(opn.nspname, o.oprname) FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = a.aggsortop) AS sortop,
  p.proparallel AS parallel, ${grantsColumn('p.proacl', 'p.proowner', 'f')}, ${ownerColumn(scope, 'p.proowner')}, d.description
FROM pg_catalog.pg_aggregate a
JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
${commentJoin('d', 'pg_proc', 'p.oid')}
WHERE ${inScope('n')} AND ${notInExtension('pg_proc', 'p.oid')}
ORDER BY n.nspname, p.proname, p.oid`;

const MODIFY = { r: 'READ_ONLY', s: 'SHAREABLE', w: 'READ_WRITE' } as const;

/**
 * The CREATE AGGREGATE statement an aggregate's catalog rows describe: lowered like a
 * migration's, so both sides spell arguments, types and support routines the same way.
 */
function createSql(r: Row): string {
  const opts: string[] = [];
  const routine = (key: string, ref: Ref): void => {
    if (ref) opts.push(`${key} = ${routineName(ref[0], ref[1])}`);
  };
  routine('SFUNC', r.sfunc);
  opts.push(`STYPE = ${r.stype}`);
  if (r.sspace) opts.push(`SSPACE = ${r.sspace}`);
  if (r.initcond !== null) opts.push(`INITCOND = ${quoteLiteral(r.initcond)}`);
  routine('FINALFUNC', r.finalfunc);
  if (r.finalextra) opts.push('FINALFUNC_EXTRA');
  opts.push(`FINALFUNC_MODIFY = ${MODIFY[r.finalmodify]}`);
  routine('COMBINEFUNC', r.combinefunc);
  routine('SERIALFUNC', r.serialfunc);
  routine('DESERIALFUNC', r.deserialfunc);
  routine('MSFUNC', r.msfunc);
  routine('MINVFUNC', r.minvfunc);
  if (r.mstype !== null) opts.push(`MSTYPE = ${r.mstype}`);
  if (r.msspace) opts.push(`MSSPACE = ${r.msspace}`);
  if (r.minitcond !== null) opts.push(`MINITCOND = ${quoteLiteral(r.minitcond)}`);
  routine('MFINALFUNC', r.mfinalfunc);
  if (r.mfinalextra) opts.push('MFINALFUNC_EXTRA');
  opts.push(`MFINALFUNC_MODIFY = ${MODIFY[r.mfinalmodify]}`);
  if (r.sortop) opts.push(`SORTOP = OPERATOR(${quoteIdent(r.sortop[0])}.${r.sortop[1]})`);
  if (r.parallel !== 'u') opts.push(`PARALLEL = ${r.parallel === 's' ? 'SAFE' : 'RESTRICTED'}`);
  if (r.kind === 'h') opts.push('HYPOTHETICAL');
  return `CREATE AGGREGATE ${qualify(r)}(${r.args || '*'}) (${opts.join(', ')})`;
}

/** Aggregates (pg_aggregate with their pg_proc row). */
export const readAggregates: CatalogQuery<Row, AggregateDef[]> = {
  sql,
  build: (rows) =>
    rows.map((r) => {
      const { kind: _k, aggregate: _a, orReplace: _o, ...fields } = lowerDefinition('createAggregate', createSql(r), `aggregate ${r.schema}.${r.name}`);
      return { schema: r.schema, name: r.name, ...fields, ...aclRowFields('function', r), ...commentField(r.description) };
    }),
};
