import { quoteLiteral } from '../../model/names.js';
import type { ColumnDef, QualifiedName } from '../../model/objects.js';
import { normalizeExpression } from '../../parse/index.js';
import { renameColumnsInExpression, type LiveNames } from '../../diff/live-names.js';

/** A live column of live table `table`, under target names (its own, its type's, its default's labels and sequence). */
export function targetNamedColumn(names: LiveNames, table: QualifiedName, c: ColumnDef): ColumnDef {
  const renames = names.columnRenames(table);
  const type = names.type(c.type);
  let def = c.default;
  if (def !== undefined) {
    def = names.defaultText(def);
    const labels = names.labelRenames(c.type);
    if (labels) {
      for (const [from, to] of labels) if (def === normalizeExpression(quoteLiteral(from))) def = normalizeExpression(quoteLiteral(to));
    }
  }
  // Most columns are untouched by any rename: the live object itself is the answer.
  if (!renames.size && type === c.type && def === c.default) return c;
  const generated = c.generated === undefined ? undefined : renameColumnsInExpression(c.generated, renames);
  const { default: _d, generated: _g, ...rest } = c;
  return {
    ...rest,
    name: renames.get(c.name) ?? c.name,
    type,
    ...(def !== undefined ? { default: def } : {}),
    ...(generated !== undefined ? { generated } : {}),
  };
}
