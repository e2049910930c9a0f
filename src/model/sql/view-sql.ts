import { qualify, quoteIdent, type QualifiedName } from '../names.js';
import type { ViewDef } from '../objects.js';
import { parenIdentListSql } from './ident-list.js';
import { withOptionsSql } from './rel-options-sql.js';

/**
 * `CREATE [OR REPLACE] VIEW s.v [(cols)] [WITH (opts)] AS query` or `CREATE MATERIALIZED VIEW s.v [(cols)] AS query`.
 * Materialized views have no OR REPLACE in PostgreSQL, so `orReplace` is ignored for them.
 * `query: 'canonical'` prints the comparison form (what dumps show, identical for equal views
 * whoever wrote them); the default prints the definition as written, which is what a plan runs.
 */
export function createViewSql(view: ViewDef, opts: { orReplace?: boolean; query?: 'canonical' | 'definition' } = {}): string {
  const kind = view.materialized ? 'MATERIALIZED VIEW' : `${opts.orReplace ? 'OR REPLACE ' : ''}VIEW`;
  const columns = view.columns?.length ? ` ${parenIdentListSql(view.columns)}` : '';
  return `CREATE ${kind} ${qualify(view)}${columns}${withOptionsSql(view.options)} AS ${opts.query === 'canonical' ? view.query : view.definition}`;
}

/** `ALTER VIEW s.v ALTER COLUMN c SET DEFAULT expr` (`expr` undefined: DROP DEFAULT); INSERTs through the view get it. */
export function viewColumnDefaultSql(view: QualifiedName, column: string, expr: string | undefined): string {
  return `ALTER VIEW ${qualify(view)} ALTER COLUMN ${quoteIdent(column)} ${expr === undefined ? 'DROP DEFAULT' : `SET DEFAULT ${expr}`}`;
}
