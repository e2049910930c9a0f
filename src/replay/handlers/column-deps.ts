import type { ConstraintDef, IndexDef, IndexKey } from '../../model/objects.js';
import { columnsInExpression, renameColumnInExpression } from '../../parse/index.js';

function exprMentions(expr: string | undefined, column: string): boolean {
  return expr !== undefined && columnsInExpression(expr).includes(column);
}

function keysMention(keys: readonly IndexKey[], column: string): boolean {
  return keys.some((k) => k.column === column || exprMentions(k.expression, column));
}

/** Does a constraint depend on the column (so DROP COLUMN drops it, as PostgreSQL does)? */
export function constraintMentions(c: ConstraintDef, column: string): boolean {
  switch (c.type) {
    case 'primary key':
    case 'unique':
      return c.columns.includes(column) || c.include.includes(column);
    case 'foreign key':
      return c.columns.includes(column);
    case 'check':
      return exprMentions(c.expression, column);
    case 'exclude':
      return keysMention(c.keys, column) || c.include.includes(column) || exprMentions(c.where, column);
  }
}

/** Does an index depend on the column? */
export function indexMentions(idx: IndexDef, column: string): boolean {
  return keysMention(idx.keys, column) || idx.include.includes(column) || exprMentions(idx.where, column);
}

const swap = (list: readonly string[], from: string, to: string): string[] => list.map((c) => (c === from ? to : c));
const swapExpr = (e: string | undefined, from: string, to: string): string | undefined =>
  e === undefined ? undefined : renameColumnInExpression(e, from, to);

function renameInKeys(keys: readonly IndexKey[], from: string, to: string): IndexKey[] {
  return keys.map((k) =>
    k.column === from ? { ...k, column: to } : k.expression !== undefined ? { ...k, expression: swapExpr(k.expression, from, to)! } : k,
  );
}

/** A constraint after RENAME COLUMN: PostgreSQL stores column numbers, so definitions follow the rename. */
export function renameColumnInConstraint(c: ConstraintDef, from: string, to: string): ConstraintDef {
  switch (c.type) {
    case 'primary key':
      return { ...c, columns: swap(c.columns, from, to), include: swap(c.include, from, to) };
    case 'unique':
      return { ...c, columns: swap(c.columns, from, to), include: swap(c.include, from, to) };
    case 'foreign key':
      return { ...c, columns: swap(c.columns, from, to) };
    case 'check':
      return { ...c, expression: swapExpr(c.expression, from, to)! };
    case 'exclude': {
      const where = swapExpr(c.where, from, to);
      return { ...c, keys: renameInKeys(c.keys, from, to), include: swap(c.include, from, to), ...(where !== undefined ? { where } : {}) };
    }
  }
}

/** An index after RENAME COLUMN. */
export function renameColumnInIndex(idx: IndexDef, from: string, to: string): IndexDef {
  const where = swapExpr(idx.where, from, to);
  return { ...idx, keys: renameInKeys(idx.keys, from, to), include: swap(idx.include, from, to), ...(where !== undefined ? { where } : {}) };
}
