import { relationKey } from '../../model/schema-state.js';
import { columnsOf } from './draft-columns.js';
import {
  expandViewStars, normalizeQuery, renameInViewQuery, viewWithOutputNames, viewOutputColumns, type ColumnsOf, type ViewRename,
} from '../../parse/index.js';
import type { ViewDef } from '../../model/objects.js';
import { renamedColumnDetails, withColumnDetails, withColumnGrants } from '../../model/view-column-details.js';
import type { Draft } from '../draft.js';
import type { ReplayContext } from '../context.js';
import { renameColumnInIndex } from './column-deps.js';
import { followColumnRenameInRules } from './rules.js';

/**
 * Follows a rename into every view that uses the object: PostgreSQL's stored query references it
 * by OID/attnum, so the view keeps working and pg_get_viewdef prints the new name (a renamed
 * column keeps the view's output name: `b AS a`).
 */
export function followRenameInViews(d: Draft, rename: ViewRename): void {
  const name = rename.kind === 'relation' ? rename.from : rename.table;
  for (const [k, v] of d.views) {
    // Cheap pre-check: a view that uses the object has its name in its text.
    if (!v.definition.includes(name) || !v.definition.includes(rename.from)) continue;
    const definition = renameInViewQuery(v.definition, rename, columnsOf(d));
    if (definition !== undefined) d.views.set(k, { ...v, definition, query: normalizeQuery(definition) });
  }
}

/**
 * A new view's query as PostgreSQL stores it: `*` expanded into the columns its tables have now,
 * GROUP BY / ORDER BY items that name an output column (or its position) replaced by its expression.
 */
export function withStarsExpanded(d: Draft, query: string, definition: string): Pick<ViewDef, 'query' | 'definition'> {
  if (!definition.includes('*') && !/\b(group|order)\s+by\b/i.test(definition)) return { query, definition };
  const expanded = expandViewStars(definition, columnsOf(d));
  return expanded === undefined ? { query, definition } : { query: normalizeQuery(expanded), definition: expanded };
}

/**
 * ALTER VIEW (or TABLE, or MATERIALIZED VIEW) .. RENAME COLUMN on a view: its output column gets
 * the new name (and its column list, if it has one), the indexes of a materialized view follow,
 * and so do the views that use the column (they keep their own output name, as PostgreSQL prints them).
 * The rename is recorded, so that a plan renames the live column instead of rebuilding the view.
 */
export function renameViewColumn(ctx: ReplayContext, view: ViewDef, from: string, to: string): void {
  const d = ctx.draft;
  const current = viewOutputColumns(view.definition) ?? view.columns;
  if (!current) return ctx.warn(`not modelled: RENAME COLUMN of a view whose output columns cannot be told from its query`);
  if (!current.includes(from)) return ctx.error(`column "${from}" does not exist`);
  if (current.includes(to)) return ctx.error(`column "${to}" of relation "${view.name}" already exists`);
  const definition = viewWithOutputNames(view.definition, current.map((c) => (c === from ? to : undefined)));
  const renamed: ViewDef = {
    ...view, definition, query: normalizeQuery(definition),
    ...(view.columns ? { columns: view.columns.map((c) => (c === from ? to : c)) } : {}), origin: ctx.origin,
  };
  // The column's default, comment and grants stay on the attribute.
  const renames = new Map([[from, to]]);
  d.views.set(relationKey(view.schema, view.name), withColumnGrants(withColumnDetails(renamed, renamedColumnDetails(view.columnDetails, renames)), renamedColumnDetails(view.columnGrants, renames)));
  for (const [k, idx] of d.indexes) if (idx.schema === view.schema && idx.table === view.name) d.indexes.set(k, renameColumnInIndex(idx, from, to));
  const ref = { schema: view.schema, parent: view.name };
  d.history.push({ event: 'rename', object: 'column', from: { ...ref, name: from }, to: { ...ref, name: to }, origin: ctx.origin });
  followRenameInViews(d, { kind: 'column', schema: view.schema, table: view.name, from, to });
  followColumnRenameInRules(d, view, from, to);
}
