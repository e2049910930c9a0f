import { compareMaps } from '../../diff/compare-maps.js';
import type { Difference } from '../../diff/difference.js';
import { quoteIdent } from '../../model/names.js';
import type { TableDef } from '../../model/objects.js';

/** Compares a paired table's columns and constraints by name (`public.users.email`), for `check`. */
export function compareTableParts(out: Difference[], t: TableDef, l: TableDef, tableName: string): void {
  const byName = <X extends { name: string }>(xs: readonly X[]): Map<string, X> => new Map(xs.map((x) => [quoteIdent(x.name), x]));
  const sub = (n: string): string => `${tableName}.${n}`;
  const cols = new Map<string, object>();
  for (const [k, c] of byName(t.columns)) cols.set(sub(k), c);
  const liveCols = new Map<string, object>();
  for (const [k, c] of byName(l.columns)) liveCols.set(sub(k), c);
  compareMaps(out, () => 'column', cols, liveCols);
  const cons = new Map<string, object>();
  for (const [k, c] of byName(t.constraints)) cons.set(sub(k), c);
  const liveCons = new Map<string, object>();
  for (const [k, c] of byName(l.constraints)) liveCons.set(sub(k), c);
  compareMaps(out, () => 'constraint', cons, liveCons);
}

/** How many columns and constraints a table pair holds (union by name), for summaries. */
export function countTableParts(t: TableDef | undefined, l: TableDef | undefined): number {
  if (!t) return l ? l.columns.length + l.constraints.length : 0;
  return (
    new Set([...t.columns.map((c) => c.name), ...(l?.columns.map((c) => c.name) ?? [])]).size +
    new Set([...t.constraints.map((c) => c.name), ...(l?.constraints.map((c) => c.name) ?? [])]).size
  );
}
