/**
 * Inserts `IF NOT EXISTS` after the head of a CREATE statement printed by src/model/sql (whose
 * table and materialized view printers have no such option), e.g. `CREATE UNLOGGED TABLE ` ->
 * `CREATE UNLOGGED TABLE IF NOT EXISTS `. Throws if the printer's output no longer starts that way.
 */
export function withIfNotExists(sql: string, head: RegExp): string {
  const m = head.exec(sql);
  if (!m || m.index !== 0) throw new Error(`planner: expected ${head} at the start of: ${sql.slice(0, 80)}`);
  return `${m[0]}IF NOT EXISTS ${sql.slice(m[0].length)}`;
}

/** Head of CREATE [UNLOGGED] TABLE. */
export const CREATE_TABLE_HEAD = /^CREATE (?:UNLOGGED )?TABLE /;

/** Head of CREATE MATERIALIZED VIEW. */
export const CREATE_MATERIALIZED_VIEW_HEAD = /^CREATE MATERIALIZED VIEW /;

