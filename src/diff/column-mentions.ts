import type { ConstraintDef, IndexDef, IndexKey } from '../model/objects.js';
import { columnsInExpression } from '../parse/index.js';
import { assertNever } from './change.js';

const inExpression = (sql: string | undefined, columns: ReadonlySet<string>): boolean =>
  sql !== undefined && columnsInExpression(sql).some((c) => columns.has(c));

const inKeys = (keys: readonly IndexKey[], columns: ReadonlySet<string>): boolean =>
  keys.some((k) => (k.column !== undefined && columns.has(k.column)) || inExpression(k.expression, columns));

const inList = (list: readonly string[], columns: ReadonlySet<string>): boolean => list.some((c) => columns.has(c));

/**
 * Does a constraint use one of the columns? DROP COLUMN drops such constraints of its own table
 * with the column, so a constraint that goes that way needs no change of its own.
 */
export function constraintUses(c: ConstraintDef, columns: ReadonlySet<string>): boolean {
  if (!columns.size) return false;
  switch (c.type) {
    case 'primary key':
    case 'unique':
      return inList(c.columns, columns) || inList(c.include, columns);
    case 'foreign key':
      return inList(c.columns, columns);
    case 'check':
      return inExpression(c.expression, columns);
    case 'exclude':
      return inKeys(c.keys, columns) || inList(c.include, columns) || inExpression(c.where, columns);
    default:
      return assertNever(c, 'constraint type');
  }
}

/** Does an index use one of the columns (keys, INCLUDE, predicate)? DROP COLUMN drops it too. */
export function indexUses(idx: IndexDef, columns: ReadonlySet<string>): boolean {
  if (!columns.size) return false;
  return inKeys(idx.keys, columns) || inList(idx.include, columns) || inExpression(idx.where, columns);
}
