import type { TriggerDef } from '../../model/objects.js';
import { columnDep, functionDep, relationDep, triggerDep } from '../../plan/dependency-keys.js';
import { expressionTexts } from '../../plan/mentions.js';
import { deps, type Deps } from '../../plan/object-deps.js';

/** A trigger: its table, `UPDATE OF` columns, function and WHEN condition. */
export function triggerDeps(t: TriggerDef): Deps {
  const table = { schema: t.schema, name: t.table };
  return deps({
    provides: [triggerDep(table, t.name)],
    requires: [relationDep(table), functionDep(t.function), ...t.updateColumns.map((c) => columnDep(table, c))],
    mentions: expressionTexts(t.when),
  });
}
