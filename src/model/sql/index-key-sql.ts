import { quoteIdent } from '../names.js';
import type { IndexKey } from '../objects.js';
import { spelt, type Spelling } from './spelling.js';

/**
 * One key of an index or EXCLUDE constraint: `col` or `(expr)`, then COLLATE, opclass, DESC and
 * NULLS FIRST/LAST only where they differ from the default for the direction (ASC sorts nulls
 * last, DESC first), then `WITH op` for EXCLUDE keys.
 */
export function indexKeySql(key: IndexKey, spelling: Spelling = 'written'): string {
  let sql = key.column !== undefined ? quoteIdent(key.column) : `(${spelt(key.expression ?? '', key.expressionSql, spelling)})`;
  if (key.collation !== undefined) sql += ` COLLATE ${key.collation}`;
  if (key.opclass !== undefined) sql += ` ${quoteIdent(key.opclass)}`;
  if (key.descending) sql += ' DESC';
  if (key.nullsFirst !== key.descending) sql += key.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST';
  if (key.operator !== undefined) sql += ` WITH ${key.operator}`;
  return sql;
}
