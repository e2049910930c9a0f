import { qualify, type QualifiedName } from '../model/names.js';
import { deparseNode, parseSql } from './libpg.js';
import { renameInViewQuery, type ColumnsOf, type ViewRename } from './rewrite-view.js';

/**
 * An expression over a table (a policy's USING / WITH CHECK) after a rename, or undefined when it
 * does not use the renamed relation or column. PostgreSQL keeps the parsed tree, so the
 * expression follows renames of its own table's columns and of whatever its subqueries read;
 * names resolve as the parser resolves them (innermost FROM first), through the view rewriter
 * on `SELECT 1 FROM table WHERE expression`.
 */
export function renameInTableExpression(expr: string, table: QualifiedName, rename: ViewRename, columnsOf: ColumnsOf): string | undefined {
  const query = renameInViewQuery(`SELECT 1 FROM ${qualify(table)} WHERE ${expr}`, rename, columnsOf);
  if (query === undefined) return undefined;
  const where = parseSql(query)[0]?.stmt?.SelectStmt?.whereClause;
  return where ? deparseNode(where) : undefined;
}
