import { relationKey } from '../../model/schema-state.js';
import { viewOutputColumns, viewUses, type ColumnsOf } from '../../parse/index.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { viewColumnsChange, type ViewColumnsChange } from './view-columns.js';
import { VIEWS } from './view-match.js';

/** The views a diff drops and creates again, with what hangs on them (see rebuiltViews). */
export interface RebuiltViews {
  /** Live keys of the views dropped and created again (dependants included). */
  readonly live: ReadonlySet<string>;
  /** Target keys of the paired ones among them: their indexes, triggers and grants are created again. */
  readonly target: ReadonlySet<string>;
  /** Each paired view's column comparison, by target key. */
  readonly columns: ReadonlyMap<string, ViewColumnsChange>;
  /** What differs, by live key, for the views rebuilt for themselves (not as users of another). */
  readonly differs: ReadonlyMap<string, string>;
}

const cache = new WeakMap<DiffContext, RebuiltViews>();

/**
 * Live views (keys) that use one of `used` (relations or columns), and, transitively, the views
 * that use those: PostgreSQL refuses to drop a view another view uses, or to change the type of
 * a column a view uses ("cannot alter type of a column used by a view or rule").
 */
function usersOf(ctx: DiffContext, used: { readonly schema: string; readonly relation: string; readonly column?: string }[], out: Set<string>): void {
  if (!ctx.live.views.size) return;
  const columnsOf: ColumnsOf = (schema, name) => {
    const key = relationKey(schema, name);
    const v = ctx.live.views.get(key);
    return ctx.live.tables.get(key)?.columns.map((c) => c.name) ?? (v && viewOutputColumns(v.definition));
  };
  const views = [...ctx.live.views.entries()];
  const work = [...used];
  while (work.length) {
    const u = work.pop()!;
    for (const [key, v] of views) {
      if (out.has(key) || !v.definition.includes(u.relation)) continue;
      if (!viewUses(v.definition, u, columnsOf)) continue;
      out.add(key);
      work.push({ schema: v.schema, relation: v.name });
    }
  }
}

/**
 * The views this diff drops and creates again instead of replacing them in place: a switch
 * between view and materialized view, a changed materialized view (no CREATE OR REPLACE), a
 * view whose output columns change in a way CREATE OR REPLACE VIEW refuses (see
 * view-columns.ts), views using a column whose type changes; and every view using one of these,
 * transitively (DROP VIEW without CASCADE refuses while another view uses it). DROP takes the
 * view's indexes, triggers, comment and grants along, so the index, trigger, comment and
 * privilege steps create theirs again. Computed once per diff, after the table step has listed
 * the type changes.
 */
export function rebuiltViews(ctx: DiffContext): RebuiltViews {
  const known = cache.get(ctx);
  if (known) return known;
  const live = new Set<string>();
  const columns = new Map<string, ViewColumnsChange>();
  const differs = new Map<string, string>();
  const seeds: { schema: string; relation: string }[] = [];
  usersOf(ctx, ctx.retypedColumns.map((c) => ({ ...c })), live);
  for (const { key, liveKey, target, live: l } of ctx.matched(VIEWS).pairs) {
    const change = viewColumnsChange(ctx, target, l);
    columns.set(key, change);
    const what =
      target.materialized !== l.materialized ? 'kind' : change.kind === 'rebuild' ? 'output columns' : target.materialized && change.changed ? 'query' : undefined;
    if (what !== undefined && !live.has(liveKey)) {
      live.add(liveKey);
      differs.set(liveKey, what);
      seeds.push({ schema: l.schema, relation: l.name });
    }
  }
  usersOf(ctx, seeds, live);
  const target = new Set(ctx.matched(VIEWS).pairs.filter((p) => live.has(p.liveKey)).map((p) => p.key));
  const out = { live, target, columns, differs };
  cache.set(ctx, out);
  return out;
}
