import type { ConstraintDef } from '../model/index.js';
import type { Mutable } from '../model/mutable.js';
import { type ConstraintSpec, parseConstraintDefinition } from '../parse/index.js';
import type { CatalogQuery } from './catalog-query.js';
import { commentJoin, inScope } from './catalog-scope.js';
import { type ConstraintFacts, constraintFromSpec } from './constraint-from-spec.js';
import { foreignKeyShape } from './definition-shapes.js';
import { relOptionsField } from './rel-options-field.js';

/** A constraint and the oid of its table. */
export interface ConstraintOfTable {
  readonly tableOid: number;
  readonly constraint: ConstraintDef;
}

interface Row {
  table_oid: number;
  schema: string;
  table_name: string;
  name: string;
  deferrable: boolean;
  initially_deferred: boolean;
  validated: boolean;
  definition: string;
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[] | null;
  description: string | null;
  index_options: string | null;
  index_description: string | null;
}

// contype 'n' (NOT NULL, PostgreSQL 18+) is a column property in the model and 't' a constraint
// trigger (read with the triggers). Constraints a partition inherits from its parent
// (conparentid <> 0, or not conislocal for CHECKs) are created by PostgreSQL, not by a migration;
// so is a partition's own CHECK that ATTACH PARTITION merged with the parent's (coninhcount > 0:
// it cannot be dropped while attached, and DETACH keeps it either way).
// The index of a PK / UNIQUE / EXCLUDE constraint (conindid; an FK's is the *referenced* key's)
// gives the constraint's storage parameters, which pg_get_constraintdef prints only for EXCLUDE,
// and the index's own comment.
const SQL = `
SELECT con.conrelid AS table_oid, n.nspname AS schema, c.relname AS table_name, con.conname AS name,
  con.condeferrable AS deferrable, con.condeferred AS initially_deferred, con.convalidated AS validated,
  pg_catalog.pg_get_constraintdef(con.oid) AS definition,
  fn.nspname AS ref_schema, fc.relname AS ref_table,
  CASE WHEN con.contype = 'f' THEN ARRAY(
    SELECT fa.attname::text
    FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = k.attnum
    ORDER BY k.ord) END AS ref_columns,
  d.description,
  CASE WHEN con.contype IN ('p', 'u', 'x') THEN pg_catalog.array_to_json(ci.reloptions)::text END AS index_options,
  di.description AS index_description
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class fc ON con.contype = 'f' AND fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
${commentJoin('d', 'pg_constraint', 'con.oid')}
LEFT JOIN pg_catalog.pg_class ci ON con.contype IN ('p', 'u', 'x') AND ci.oid = con.conindid
${commentJoin('di', 'pg_class', 'ci.oid')}
WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND c.relkind IN ('r', 'p')
  AND con.conparentid = 0 AND con.conislocal AND (con.coninhcount = 0 OR NOT c.relispartition)
  AND ${inScope('n')}
ORDER BY con.conrelid, con.conname`;

/** PK, UNIQUE, FK, CHECK and EXCLUDE constraints of every table in scope. */
export const readConstraints: CatalogQuery<Row, ConstraintOfTable[]> = {
  sql: () => SQL,
  build: (rows) => {
    // Definitions repeat (`PRIMARY KEY (id)` on most tables; foreign keys but for the table
    // they reference, which comes from confrelid): each is lowered once. The name is conname.
    const specs = new Map<string, ConstraintSpec>();
    return rows.map((r) => {
      const shape = foreignKeyShape(r.definition) ?? r.definition;
      let spec = specs.get(shape);
      try {
        if (!spec) specs.set(shape, (spec = parseConstraintDefinition('c', r.definition)));
      } catch (err) {
        throw new Error(
          `cannot read constraint ${r.name} of table ${r.schema}.${r.table_name}: ${(err as Error).message}\n${r.definition}`,
        );
      }
      const facts: Mutable<ConstraintFacts> = {
        name: r.name,
        deferrable: r.deferrable,
        initiallyDeferred: r.initially_deferred,
        validated: r.validated,
      };
      if (r.ref_schema !== null && r.ref_table !== null) {
        facts.references = { table: { schema: r.ref_schema, name: r.ref_table }, columns: r.ref_columns ?? [] };
      }
      if (r.description !== null) facts.comment = r.description;
      if (r.index_options !== null) facts.indexOptions = relOptionsField(r.index_options).options ?? [];
      if (r.index_description !== null) facts.indexComment = r.index_description;
      const constraint = constraintFromSpec(spec, facts);
      return { tableOid: r.table_oid, constraint };
    });
  },
};
