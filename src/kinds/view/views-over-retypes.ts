import { relationKey } from '../../model/schema-state.js';
import { viewUses, type ColumnsOf } from '../../parse/index.js';
import type { DiffContext } from '../../diff/diff-context.js';

/**
 * Live views (keys) that stand in the way of the diff's column type changes: those whose query
 * uses a retyped column ("cannot alter type of a column used by a view"), and the views that use
 * those (a view cannot be dropped under another). They are dropped and created again around it.
 */
export function viewsBlockingTypeChanges(ctx: DiffContext): Set<string> {
  const out = new Set<string>();
  if (!ctx.retypedColumns.length || !ctx.live.views.size) return out;
  const columnsOf: ColumnsOf = (schema, name) => ctx.live.tables.get(relationKey(schema, name))?.columns.map((c) => c.name);
  const views = [...ctx.live.views.entries()];
  const work = [...ctx.retypedColumns];
  while (work.length) {
    const used = work.pop()!;
    for (const [key, v] of views) {
      if (out.has(key) || !v.definition.includes(used.relation)) continue;
      if (!viewUses(v.definition, used, columnsOf)) continue;
      out.add(key);
      work.push({ schema: v.schema, relation: v.name });
    }
  }
  return out;
}
