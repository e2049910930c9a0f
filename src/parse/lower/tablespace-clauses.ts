import type { Ddl, IgnoredClause } from '../ddl.js';
import type { AstNode } from '../libpg.js';
import { quoteIdent } from '../../model/names.js';
import { TABLESPACE_WHY } from './not-managed.js';

/**
 * The fields through which libpg-query reports a tablespace a statement places something in:
 * CREATE TABLE (and PARTITION OF) .. TABLESPACE, CREATE INDEX .. TABLESPACE, CREATE MATERIALIZED
 * VIEW .. TABLESPACE (its IntoClause), and USING INDEX TABLESPACE of PRIMARY KEY / UNIQUE /
 * EXCLUDE (a Constraint, inline or in ALTER TABLE .. ADD [COLUMN | CONSTRAINT]); with how the
 * clause is spelled and what apply creates without it.
 */
const FIELDS: Readonly<Record<string, readonly [string, string]>> = {
  tablespacename: ['TABLESPACE', 'the table'],
  tableSpace: ['TABLESPACE', 'the index'],
  tableSpaceName: ['TABLESPACE', 'the materialized view'],
  indexspace: ['USING INDEX TABLESPACE', "the constraint's index"],
};

/**
 * pg_default is silent: it is the database's default tablespace unless CREATE DATABASE ..
 * TABLESPACE or ALTER DATABASE .. SET TABLESPACE moved it (and default_tablespace is empty), and
 * then PostgreSQL stores an object placed there exactly as one given no clause (reltablespace 0),
 * which is what apply creates; pg_dump prints no clause for it either.
 */
const DEFAULT_TABLESPACE = 'pg_default';

/** Statement kinds that model nothing, so their own warning (or silence) already covers every clause. */
const NOT_MODELLED: ReadonlySet<Ddl['kind']> = new Set(['unsupported', 'noop', 'data', 'createBaseType']);

/** The statements whose trees hold those fields (others, e.g. a view's long query, are not walked). */
const PLACING = new Set(['CreateStmt', 'IndexStmt', 'CreateTableAsStmt', 'AlterTableStmt']);

/**
 * The tablespace clauses of a statement replay models (`ddl`, lowered from `stmt`), each a clause
 * replay reports and goes on without: tablespaces are not managed (see TABLESPACE_WHY). Not in
 * lowerStatement, which also lowers introspected definitions (pg_get_indexdef prints the clause).
 */
export function tablespaceClauses(stmt: AstNode, ddl: Ddl): IgnoredClause[] {
  if (NOT_MODELLED.has(ddl.kind) || !PLACING.has(Object.keys(stmt)[0] ?? '')) return [];
  const out: IgnoredClause[] = [];
  const visit = (node: AstNode): void => {
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const field = FIELDS[key];
      if (field && typeof value === 'string') {
        if (value !== DEFAULT_TABLESPACE) {
          out.push({ what: `${field[0]} ${quoteIdent(value)} clause`, why: `${TABLESPACE_WHY}; apply creates ${field[1]} in the database's default tablespace and check does not compare tablespaces` });
        }
      } else visit(value);
    }
  };
  visit(stmt);
  return out;
}
