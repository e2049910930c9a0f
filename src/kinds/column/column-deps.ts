import type { QualifiedName } from '../../model/names.js';
import type { ColumnDef } from '../../model/objects.js';
import { columnDep, relationDep } from '../../plan/dependency-keys.js';
import { expressionTexts } from '../../plan/mentions.js';
import { deps, type Deps } from '../../plan/object-deps.js';

/** One column: its type (an enum), default (functions, `nextval` sequences) and generation expression. */
export function columnDeps(table: QualifiedName, c: ColumnDef): Deps {
  return deps({
    provides: [columnDep(table, c.name)],
    requires: [relationDep(table)],
    mentions: [c.type, ...expressionTexts(c.default), ...expressionTexts(c.generated)],
  });
}
