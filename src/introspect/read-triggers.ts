import type { TriggerDef, TriggerFiring } from '../model/index.js';
import type { CatalogQuery } from './catalog-query.js';
import { type CatalogScope, commentJoin, inScope } from './catalog-scope.js';
import { commentField } from './comment-field.js';
import { lowerDefinition } from './lower-definition.js';

/** A trigger and the oid of its table or view. */
export interface TriggerOfRelation {
  readonly relationOid: number;
  readonly trigger: TriggerDef;
}

interface Row {
  relation_oid: number;
  schema: string;
  table_name: string;
  name: string;
  definition: string;
  function_schema: string;
  function_name: string;
  enabled: string;
  description: string | null;
}

/**
 * Internal triggers implement FKs. From PostgreSQL 13 a row trigger on a partitioned table is
 * cloned onto each partition with tgparentid set: those clones are PostgreSQL's, not a migration's.
 */
function sql(scope: CatalogScope): string {
  const notClone = scope.serverVersion >= 130000 ? 'AND t.tgparentid = 0' : '';
  return `
SELECT t.tgrelid AS relation_oid, n.nspname AS schema, c.relname AS table_name, t.tgname AS name,
  pg_catalog.pg_get_triggerdef(t.oid) AS definition,
  fn.nspname AS function_schema, f.proname AS function_name, t.tgenabled AS enabled, d.description
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_proc f ON f.oid = t.tgfoid
JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
${commentJoin('d', 'pg_trigger', 't.oid')}
WHERE NOT t.tgisinternal ${notClone} AND ${inScope('n')}
ORDER BY n.nspname, c.relname, t.tgname`;
}

/** pg_trigger.tgenabled (and pg_rewrite.ev_enabled) other than `O` (enabled). */
export const FIRING: Readonly<Record<string, TriggerFiring>> = { D: 'disabled', R: 'replica', A: 'always' };

/**
 * User triggers on tables and views in scope. The function's schema is the real pronamespace:
 * pg_get_triggerdef leaves the name unqualified when it is visible on the search_path.
 */
export const readTriggers: CatalogQuery<Row, TriggerOfRelation[]> = {
  sql,
  build: (rows) =>
    rows.map((r) => {
      const ddl = lowerDefinition('createTrigger', r.definition, `trigger ${r.name} on ${r.schema}.${r.table_name}`);
      const trigger: TriggerDef = {
        schema: r.schema,
        table: r.table_name,
        name: r.name,
        timing: ddl.timing,
        events: ddl.events,
        updateColumns: ddl.updateColumns,
        forEachRow: ddl.forEachRow,
        ...(ddl.when !== undefined ? { when: ddl.when } : {}),
        function: { schema: r.function_schema, name: r.function_name },
        args: ddl.args,
        constraint: ddl.constraint,
        deferrable: ddl.deferrable,
        initiallyDeferred: ddl.initiallyDeferred,
        ...(ddl.oldTable !== undefined ? { oldTable: ddl.oldTable } : {}),
        ...(ddl.newTable !== undefined ? { newTable: ddl.newTable } : {}),
        ...(FIRING[r.enabled] ? { enabled: FIRING[r.enabled] } : {}),
        ...commentField(r.description),
      };
      return { relationOid: r.relation_oid, trigger };
    }),
};
