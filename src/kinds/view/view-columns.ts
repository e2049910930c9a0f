import type { ViewDef } from '../../model/objects.js';
import { normalizeQuery, viewOutputCasts, viewOutputColumns, viewWithOutputNames } from '../../parse/index.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { pastNames } from '../../diff/past-names.js';
import { sameValue } from '../../diff/same-value.js';

/** How a view's history names its columns: a view column follows the view's renames and moves. */
const VIEW_COLUMN = { kinds: ['column'], parentKinds: ['view', 'materialized view'] } as const;

/**
 * How a paired view's output columns get from live to target. CREATE OR REPLACE VIEW keeps the
 * existing columns (same names, same order; PostgreSQL also requires the same types) and may only
 * append ("cannot change name of view column", "cannot drop columns from view"):
 * - `fits`: the target's columns extend the live ones once the history's `ALTER VIEW .. RENAME
 *   COLUMN`s are run (`renames`, live name -> target name); `changed` says whether the query
 *   still differs after them;
 * - `rebuild`: a column is renamed without such a rename, dropped or inserted before others, or
 *   retyped by a cast: the view must be dropped and created (and its dependants with it).
 * When either side's columns cannot be told (`*` left unexpanded), it is taken to fit: a
 * failing CREATE OR REPLACE then names the column.
 */
export type ViewColumnsChange =
  | { readonly kind: 'fits'; readonly renames: readonly (readonly [string, string])[]; readonly changed: boolean }
  | { readonly kind: 'rebuild'; readonly live: readonly string[]; readonly target: readonly string[] };

/** The target name of each live output column the history renamed (a view column's past names). */
function historyRenames(ctx: DiffContext, target: ViewDef, live: ViewDef, liveCols: readonly string[], targetCols: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!ctx.target.history.length) return out;
  for (const col of targetCols) {
    if (liveCols.includes(col)) continue;
    const past = pastNames(ctx.history, VIEW_COLUMN, { schema: target.schema, parent: target.name, name: col });
    const from = past.find((p) => p.ref.schema === live.schema && p.ref.parent === live.name && liveCols.includes(p.ref.name) && !targetCols.includes(p.ref.name));
    if (from && !out.has(from.ref.name)) out.set(from.ref.name, col);
  }
  return out;
}

/** Does a cast at the top of one of the first `n` output columns differ (the column's type changes: `b` to `b::text`)? */
function castsDiffer(targetQuery: string, liveQuery: string, n: number): boolean {
  const t = viewOutputCasts(targetQuery);
  const l = viewOutputCasts(liveQuery);
  return !!t && !!l && Array.from({ length: n }, (_, i) => i).some((i) => t[i] !== l[i]);
}

/** Compares a paired view's output columns (see ViewColumnsChange). */
export function viewColumnsChange(ctx: DiffContext, target: ViewDef, live: ViewDef): ViewColumnsChange {
  const sameOptions = sameValue(target.options ?? [], live.options ?? []);
  const changed = target.query !== live.query || !sameOptions;
  // An unchanged view fits as it is: its columns are not asked for (each costs a parse).
  if (!changed) return { kind: 'fits', renames: [], changed };
  const liveCols = viewOutputColumns(live.definition);
  const targetCols = target.columns ?? viewOutputColumns(target.definition);
  if (!liveCols || !targetCols) return { kind: 'fits', renames: [], changed };
  const renames = historyRenames(ctx, target, live, liveCols, targetCols);
  const after = liveCols.map((c) => renames.get(c) ?? c);
  if (after.some((c, i) => targetCols[i] !== c) || castsDiffer(target.query, live.query, liveCols.length)) return { kind: 'rebuild', live: liveCols, target: targetCols };
  if (!renames.size) return { kind: 'fits', renames: [], changed };
  // After the renames the live view prints its columns under the new names (`a AS b`).
  const renamedQuery = normalizeQuery(viewWithOutputNames(live.definition, liveCols.map((c) => renames.get(c))));
  return { kind: 'fits', renames: [...renames], changed: target.query !== renamedQuery || !sameOptions };
}
