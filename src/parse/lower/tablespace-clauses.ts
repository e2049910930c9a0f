import type { Ddl, IgnoredClause } from '../ddl.js';
import { type AstNode, unwrap } from '../libpg.js';
import { quoteIdent } from '../../model/names.js';
import { TABLESPACE_WHY } from './not-managed.js';

/**
 * pg_default is silent: it is the database's default tablespace unless CREATE DATABASE ..
 * TABLESPACE or ALTER DATABASE .. SET TABLESPACE moved it (and default_tablespace is empty), and
 * then PostgreSQL stores an object placed there exactly as one given no clause (reltablespace 0),
 * which is what apply creates; pg_dump prints no clause for it either.
 */
const DEFAULT_TABLESPACE = 'pg_default';

/** Statement kinds that model nothing, so their own warning (or silence) already covers every clause. */
const NOT_MODELLED: ReadonlySet<Ddl['kind']> = new Set(['unsupported', 'noop', 'data', 'createBaseType']);

/** A clause placing `object` in `tablespace`, unless that is the default (see DEFAULT_TABLESPACE). */
function clause(out: IgnoredClause[], spelled: string, tablespace: unknown, object: string): void {
  if (typeof tablespace !== 'string' || tablespace === DEFAULT_TABLESPACE) return;
  out.push({
    what: `${spelled} ${quoteIdent(tablespace)} clause`,
    why: `${TABLESPACE_WHY}; apply creates ${object} in the database's default tablespace and check does not compare tablespaces`,
  });
}

/** USING INDEX TABLESPACE of PRIMARY KEY / UNIQUE / EXCLUDE among table elements or ALTER TABLE definitions (a Constraint, or a ColumnDef's). */
function indexClauses(out: IgnoredClause[], nodes: readonly AstNode[]): void {
  for (const n of nodes) {
    for (const c of n?.Constraint ? [n] : (n?.ColumnDef?.constraints ?? [])) {
      clause(out, 'USING INDEX TABLESPACE', c.Constraint?.indexspace, "the constraint's index");
    }
  }
}

/**
 * The tablespace clauses of a statement replay models (`ddl`, lowered from `stmt`), each a clause
 * replay reports and goes on without (see TABLESPACE_WHY): CREATE TABLE (and PARTITION OF) ..
 * TABLESPACE, CREATE INDEX .. TABLESPACE, CREATE MATERIALIZED VIEW .. TABLESPACE, and USING INDEX
 * TABLESPACE, inline or in ALTER TABLE .. ADD [COLUMN | CONSTRAINT]: every place libpg-query's tree
 * of these statements names a tablespace (ALTER .. SET TABLESPACE is a command of its own). Read
 * at the known places rather than by walking the tree: it runs on every CREATE TABLE. Not in
 * lowerStatement, which also lowers introspected definitions (pg_get_indexdef prints the clause).
 */
export function tablespaceClauses(stmt: AstNode, ddl: Ddl): IgnoredClause[] {
  if (NOT_MODELLED.has(ddl.kind)) return [];
  const [type, s] = unwrap(stmt);
  const out: IgnoredClause[] = [];
  switch (type) {
    case 'CreateStmt':
      indexClauses(out, s.tableElts ?? []);
      clause(out, 'TABLESPACE', s.tablespacename, 'the table');
      break;
    case 'IndexStmt':
      clause(out, 'TABLESPACE', s.tableSpace, 'the index');
      break;
    case 'CreateTableAsStmt':
      clause(out, 'TABLESPACE', s.into?.tableSpaceName, 'the materialized view');
      break;
    case 'AlterTableStmt':
      indexClauses(out, (s.cmds ?? []).map((c: AstNode) => c.AlterTableCmd?.def));
      break;
  }
  return out;
}
