import { swapNames, type LiveNames } from '../../diff/live-names.js';
import type { TriggerDef } from '../../model/objects.js';

/** A live trigger, under target names (its table's, its UPDATE OF columns', its function's). */
export function targetNamedTrigger(names: LiveNames, t: TriggerDef): TriggerDef {
  const table = { schema: t.schema, name: t.table };
  const to = names.relation(table);
  return { ...t, schema: to.schema, table: to.name, updateColumns: swapNames(t.updateColumns, names.columnRenames(table)), function: names.routine(t.function) };
}
