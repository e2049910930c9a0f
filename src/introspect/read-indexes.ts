import type { IndexDef } from '../model/index.js';
import type { Mutable } from '../model/mutable.js';
import type { Ddl } from '../parse/index.js';
import type { CatalogQuery } from './catalog-query.js';
import { commentJoin, inScope } from './catalog-scope.js';
import { indexShape } from './definition-shapes.js';
import { liveKeys, lowerDefinition } from './lower-definition.js';

/** A stand-alone index and the oid of the table (or materialized view) it indexes. */
export interface IndexOfTable {
  readonly tableOid: number;
  readonly index: IndexDef;
}

interface Row {
  table_oid: number;
  schema: string;
  name: string;
  table_name: string;
  definition: string;
  description: string | null;
}

// Invalid indexes (left by a failed CREATE INDEX CONCURRENTLY) are left out: PostgreSQL does not
// use them, so they count as missing and the plan rebuilds them (dropping the leftover first).
// Left out: indexes behind PK/UNIQUE/EXCLUDE constraints (contype filter matters: an FK's conindid
// is the *referenced* table's key index), and partitions' indexes attached to a partitioned
// index (pg_inherits), which PostgreSQL creates itself.
const SQL = `
SELECT i.indrelid AS table_oid, n.nspname AS schema, ic.relname AS name, c.relname AS table_name,
  pg_catalog.pg_get_indexdef(i.indexrelid) AS definition, d.description
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
${commentJoin('d', 'pg_class', 'i.indexrelid')}
WHERE c.relkind IN ('r', 'p', 'm') AND ${inScope('n')} AND i.indisvalid
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
    WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)
ORDER BY n.nspname, ic.relname`;

/** Indexes made by CREATE INDEX on tables and materialized views in scope. */
export const readIndexes: CatalogQuery<Row, IndexOfTable[]> = {
  sql: () => SQL,
  build: (rows) => {
    // Most definitions differ only in the index and table names: each shape is lowered once.
    const lowered = new Map<string, Extract<Ddl, { kind: 'createIndex' }>>();
    return rows.map((r) => {
      const shape = indexShape(r.definition);
      let ddl = shape === undefined ? undefined : lowered.get(shape);
      if (!ddl) {
        const full = lowerDefinition('createIndex', r.definition, `index ${r.schema}.${r.name}`);
        ddl = { ...full, keys: liveKeys(full.keys) };
        if (shape !== undefined) lowered.set(shape, ddl);
      }
      // Fields in the model's order (JSON output shows it), without object spreads (hot at scale).
      const index: Partial<Mutable<IndexDef>> = {
        schema: r.schema,
        name: r.name,
        table: r.table_name,
        unique: ddl.unique,
        method: ddl.method,
        keys: ddl.keys,
        include: ddl.include,
      };
      if (ddl.where !== undefined) index.where = ddl.where;
      index.nullsNotDistinct = ddl.nullsNotDistinct;
      if (ddl.options) index.options = ddl.options;
      if (r.description != null) index.comment = r.description;
      return { tableOid: r.table_oid, index: index as IndexDef };
    });
  },
};
