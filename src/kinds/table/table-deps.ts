import type { ConstraintDef, TableDef } from '../../model/objects.js';
import { relationDep, schemaDep } from '../../plan/dependency-keys.js';
import { columnDeps } from '../column/column-deps.js';
import { constraintDeps } from '../constraint/constraint-deps.js';
import { relationMention, deps, mergeDeps, type Deps } from '../../plan/object-deps.js';

/** A table with the given (inline) constraints, its columns, and the parent of a partition. */
export function tableDeps(t: TableDef, constraints: readonly ConstraintDef[] = t.constraints): Deps {
  const own = deps({
    provides: [relationDep(t)],
    mentionables: [relationMention(t)],
    requires: [schemaDep(t.schema), ...(t.partitionOf ? [relationDep(t.partitionOf.parent)] : [])],
  });
  const columns = t.columns.map((c) => columnDeps(t, c));
  const merged = mergeDeps(own, ...columns, ...constraints.map((c) => constraintDeps(t, c)));
  // The table itself provides its columns and constraints: drop what it requires of itself.
  const provided = new Set(merged.provides);
  return { ...merged, requires: merged.requires.filter((k) => !provided.has(k)) };
}
