import { relationKey } from '../../model/schema-state.js';
import { expandViewStars, normalizeQuery, renameInViewQuery, viewOutputColumns, type ColumnsOf, type ViewRename } from '../../parse/index.js';
import type { ViewDef } from '../../model/objects.js';
import type { Draft } from '../draft.js';

/** The draft's table and view columns, for resolving names in view queries. */
const columnsOf =
  (d: Draft): ColumnsOf =>
  (schema, name) => {
    const key = relationKey(schema, name);
    const t = d.tables.get(key);
    if (t) return t.columns.map((c) => c.name);
    const v = d.views.get(key);
    return v ? (v.columns ?? viewOutputColumns(v.definition)) : undefined;
  };

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

/** A new view's query with `*` expanded into the columns its tables have now, as PostgreSQL stores it. */
export function withStarsExpanded(d: Draft, query: string, definition: string): Pick<ViewDef, 'query' | 'definition'> {
  if (!definition.includes('*')) return { query, definition };
  const expanded = expandViewStars(definition, columnsOf(d));
  return expanded === undefined ? { query, definition } : { query: normalizeQuery(expanded), definition: expanded };
}
