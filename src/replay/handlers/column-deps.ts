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
const swapExpr = (e: string | undefined, from: string, to: string, written = false): string | undefined =>
  e === undefined ? undefined : renameColumnInExpression(e, from, to, written);

/** An expression's canonical and written texts after a rename, as fields (the written one only when known). */
function swapped<K extends string, W extends string>(
  canonicalKey: K, writtenKey: W, canonical: string | undefined, written: string | undefined, from: string, to: string,
): Partial<Record<K | W, string>> {
  if (canonical === undefined) return {};
  const out: Partial<Record<K | W, string>> = {};
  out[canonicalKey] = swapExpr(canonical, from, to)!;
  if (written !== undefined) out[writtenKey] = swapExpr(written, from, to, true)!;
  return out;
}

function renameInKeys(keys: readonly IndexKey[], from: string, to: string): IndexKey[] {
  return keys.map((k) =>
    k.column === from
      ? { ...k, column: to }
      : k.expression !== undefined ? { ...k, ...swapped('expression', 'expressionSql', k.expression, k.expressionSql, from, to) } : k,
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
      return { ...c, ...swapped('expression', 'expressionSql', c.expression, c.expressionSql, from, to) };
    case 'exclude':
      return {
        ...c, keys: renameInKeys(c.keys, from, to), include: swap(c.include, from, to), ...swapped('where', 'whereSql', c.where, c.whereSql, from, to),
      };
  }
}

/** An index after RENAME COLUMN. */
export function renameColumnInIndex(idx: IndexDef, from: string, to: string): IndexDef {
  return {
    ...idx, keys: renameInKeys(idx.keys, from, to), include: swap(idx.include, from, to), ...swapped('where', 'whereSql', idx.where, idx.whereSql, from, to),
  };
}
