import { relationKey, type SchemaState } from '../model/schema-state.js';
import type { ViewDef } from '../model/objects.js';
import { dropNoOpOutputCasts, viewOutputSource, type ColumnSource, type OutputCast } from '../parse/index.js';
import { DEFAULT_SCHEMA, typeText } from './context.js';

/**
 * The model's type text of a column: of a table, or of a view's output column that is a column
 * or a cast (followed through views `depth` deep); undefined when replay cannot tell.
 */
function columnType(state: SchemaState, from: ColumnSource, depth = 8): string | undefined {
  const types = (from.relations ?? []).flatMap((r) => {
    const key = relationKey(r.schema ?? DEFAULT_SCHEMA, r.name);
    const table = state.tables.get(key);
    if (table) return table.columns.filter((c) => c.name === from.column).map((c) => c.type);
    const view = state.views.get(key);
    const out = view && depth > 0 ? viewOutputSource(view.query, from.column) : undefined;
    if (!out) return view ? [undefined] : [];
    return ['cast' in out ? typeText(out.cast) : columnType(state, out.from, depth - 1)];
  });
  return types.length === 1 ? types[0] : undefined;
}

/** Is the cast to the column's own type (typmod included), which PostgreSQL does not store? */
function noOp(state: SchemaState, cast: OutputCast): boolean {
  const type = columnType(state, cast);
  return type !== undefined && type === typeText(cast.type);
}

/**
 * The views' canonical queries keep the casts of columns at the top of output columns (a view
 * retyped by a cast alone is a different view), except those PostgreSQL drops because they cast
 * a column to its own type: known once the history is replayed, since PostgreSQL refuses to
 * retype a column a view uses. A column replay cannot type (of a view, a sub-select) keeps its cast.
 */
export function withNoOpViewCastsDropped(state: SchemaState): SchemaState {
  let views: Map<string, ViewDef> | undefined;
  for (const [k, v] of state.views) {
    if (!v.query.includes('::')) continue;
    const query = dropNoOpOutputCasts(v.query, (cast) => noOp(state, cast));
    if (query === v.query) continue;
    (views ??= new Map(state.views)).set(k, { ...v, query });
  }
  return views ? { ...state, views } : state;
}
