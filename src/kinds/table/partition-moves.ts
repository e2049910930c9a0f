import type { DiffContext } from '../../diff/diff-context.js';
import { pairOfKey } from '../../diff/pairing.js';
import type { CheckConstraint, ConstraintDef, IndexDef, QualifiedName, TableDef } from '../../model/objects.js';
import { clonedOntoPartitions, sameClone } from '../../model/partition-clones.js';
import { relationKey } from '../../model/schema-state.js';
import { TABLES, pairedTableKey } from './table-match.js';

/** Where a table hangs in the target and live (live parent under target names): is it attached or detached by the plan? */
export interface PartitionMove {
  /** ATTACH PARTITION to the target's parent with the target's bound. */
  readonly attach: boolean;
  /** DETACH PARTITION from the live parent (live name) first. */
  readonly detach?: QualifiedName;
}

/** The move a paired table needs: attach, detach, or both (another parent or bound). */
export function partitionMove(ctx: DiffContext, target: TableDef, live: TableDef): PartitionMove {
  const t = target.partitionOf;
  const l = live.partitionOf;
  const lp = l && ctx.names.relation(l.parent);
  const same = !!t && !!l && !!lp && t.parent.schema === lp.schema && t.parent.name === lp.name && t.bound === l.bound;
  if (same || (!t && !l)) return { attach: false };
  return { attach: !!t, ...(l ? { detach: l.parent } : {}) };
}

function indexesOn(indexes: ReadonlyMap<string, IndexDef>, table: QualifiedName): IndexDef[] {
  return [...indexes.values()].filter((i) => i.schema === table.schema && i.table === table.name);
}

/** The paired target table of a live table, when the plan attaches it. */
function attachedTarget(ctx: DiffContext, liveTable: QualifiedName): TableDef | undefined {
  const key = pairedTableKey(ctx, liveTable);
  const target = key === undefined ? undefined : ctx.target.tables.get(key);
  const live = ctx.live.tables.get(relationKey(liveTable.schema, liveTable.name));
  if (!target?.partitionOf || !live || !partitionMove(ctx, target, live).attach) return undefined;
  return ctx.target.tables.get(relationKey(target.partitionOf.parent.schema, target.partitionOf.parent.name));
}

/**
 * Does ATTACH PARTITION take this live index or constraint along? The plan attaches its table and
 * the target parent has a match: PostgreSQL makes it the parent's (inherited, left out of the
 * model), so it is neither unmanaged nor dropped.
 */
export function attachTakes(ctx: DiffContext, liveTable: QualifiedName, obj: IndexDef | ConstraintDef): boolean {
  const parent = attachedTarget(ctx, liveTable);
  if (!parent) return false;
  if ('type' in obj) return parent.constraints.some((c) => clonedOntoPartitions(c) && sameClone(obj, c));
  return indexesOn(ctx.target.indexes, parent).some((i) => sameClone(obj, i));
}

/**
 * Does DETACH PARTITION bring this target index or constraint? The plan detaches its table, whose
 * live parent has a match: the live partition has an inherited clone (left out of the live
 * model), which DETACH makes its own, so the plan does not create it again.
 */
export function detachBrings(ctx: DiffContext, targetTable: TableDef, obj: IndexDef | ConstraintDef): boolean {
  const key = relationKey(targetTable.schema, targetTable.name);
  const pair = pairOfKey(ctx.matched(TABLES), key);
  if (!pair) return false;
  const move = partitionMove(ctx, pair.target, pair.live);
  if (!move.detach) return false;
  const parent = ctx.live.tables.get(relationKey(move.detach.schema, move.detach.name));
  if (!parent) return false;
  if ('type' in obj) return parent.constraints.some((c) => clonedOntoPartitions(c) && sameClone(obj, c));
  return indexesOn(ctx.live.indexes, parent).some((i) => sameClone(obj, i));
}

/** The target parent's CHECKs the live table lacks: ATTACH refuses a partition without them, so they are added first. */
export function checksToAdd(ctx: DiffContext, target: TableDef, live: TableDef): CheckConstraint[] {
  const p = target.partitionOf && ctx.target.tables.get(relationKey(target.partitionOf.parent.schema, target.partitionOf.parent.name));
  if (!p) return [];
  return p.constraints.filter((c): c is CheckConstraint => c.type === 'check' && !c.noInherit && !live.constraints.some((l) => l.type === 'check' && l.name === c.name));
}
