import { type AclRow, aclRowFields, grantsColumn, ownerColumn } from './acl-field.js';
import type { CatalogScope } from './catalog-scope.js';
import type { SequenceDef } from '../model/index.js';
import type { CatalogQuery } from './catalog-query.js';
import { commentJoin, inScope, notInExtension } from './catalog-scope.js';
import { commentField } from './comment-field.js';

interface Row extends AclRow {
  schema: string;
  name: string;
  data_type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  owner_table: string | null;
  owner_column: string | null;
  description: string | null;
}

// Ownership is a pg_depend row from the sequence to a table column: deptype 'a' for serial
// and OWNED BY, 'i' for identity columns.
const sql = (scope: CatalogScope): string => `
SELECT n.nspname AS schema, c.relname AS name, pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
  s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min,
  s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle,
  ${grantsColumn('c.relacl', 'c.relowner', 's')}, ${ownerColumn(scope, 'c.relowner')},
  own.owner_table, own.owner_column, d.description
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN LATERAL (
  SELECT tc.relname AS owner_table, ta.attname AS owner_column
  FROM pg_catalog.pg_depend dep
  JOIN pg_catalog.pg_class tc ON tc.oid = dep.refobjid
  JOIN pg_catalog.pg_attribute ta ON ta.attrelid = dep.refobjid AND ta.attnum = dep.refobjsubid
  WHERE dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
    AND dep.refclassid = 'pg_class'::regclass AND dep.refobjsubid > 0 AND dep.deptype IN ('a', 'i')
  LIMIT 1) own ON true
${commentJoin('d', 'pg_class', 'c.oid')}
WHERE c.relkind = 'S' AND ${inScope('n')} AND ${notInExtension('pg_class', 'c.oid')}
ORDER BY n.nspname, c.relname`;

const DATA_TYPES = new Set<string>(['smallint', 'integer', 'bigint']);

/** Sequences, including the ones behind serial and identity columns, with their owner. */
export const readSequences: CatalogQuery<Row, SequenceDef[]> = {
  sql,
  build: (rows) =>
    rows.map((r) => {
      if (!DATA_TYPES.has(r.data_type)) throw new Error(`sequence ${r.schema}.${r.name} has type ${r.data_type}`);
      return {
        schema: r.schema,
        name: r.name,
        dataType: r.data_type as SequenceDef['dataType'],
        start: r.start,
        increment: r.increment,
        min: r.min,
        max: r.max,
        cache: r.cache,
        cycle: r.cycle,
        ...(r.owner_table !== null && r.owner_column !== null
          ? { ownedBy: { table: r.owner_table, column: r.owner_column } }
          : {}),
        ...aclRowFields('sequence', r),
        ...commentField(r.description),
      };
    }),
};
