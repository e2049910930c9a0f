import { renameColumnsInExpression, renameKeyColumns, swapNames, type LiveNames } from '../../diff/live-names.js';
import type { IndexDef } from '../../model/objects.js';

/** A live index, under target names (its table's, its columns'). */
export function targetNamedIndex(names: LiveNames, idx: IndexDef): IndexDef {
  const table = { schema: idx.schema, name: idx.table };
  const renames = names.columnRenames(table);
  if (!renames.size && names.keepsName(table)) return idx;
  const to = names.relation(table);
  const where = idx.where === undefined ? undefined : renameColumnsInExpression(idx.where, renames);
  const { where: _w, ...rest } = idx;
  return {
    ...rest, schema: to.schema, table: to.name, keys: renameKeyColumns(idx.keys, renames), include: swapNames(idx.include, renames),
    ...(where !== undefined ? { where } : {}),
  };
}
