import type { ConstraintDef, IndexDef, TableDef } from '../../model/objects.js';
import { canonicalPartitionBound, partitionKeyTypes } from '../../model/partition-bound.js';
import { relationKey } from '../../model/schema-state.js';
import type { NameRef } from '../../parse/ddl.js';
import { clonedOntoPartitions as cloned, sameClone } from '../../model/partition-clones.js';
import type { ReplayContext } from '../context.js';
import { chooseName, dedupeColumnNames, nameAddition } from '../naming.js';

/** The parent's own (stand-alone) indexes. */
function indexesOf(ctx: ReplayContext, t: TableDef): [string, IndexDef][] {
  return [...ctx.draft.indexes.entries()].filter(([, i]) => i.schema === t.schema && i.table === t.name);
}

/**
 * ALTER TABLE parent ATTACH PARTITION child FOR VALUES ... / DEFAULT. PostgreSQL requires the
 * parent's columns (NOT NULL where the parent's are) and CHECK constraints on the child, then
 * makes the child's matching indexes, keys and foreign keys the parent's (cloning what is
 * missing). Those become inherited: like a partition made by PARTITION OF, the model keeps only
 * what the partition has of its own. The names they had are remembered for DETACH.
 */
export function attachPartition(ctx: ReplayContext, parent: TableDef, ref: NameRef, bound: string): void {
  const d = ctx.draft;
  if (parent.partitionBy === undefined) return ctx.error(`table "${parent.name}" is not partitioned`);
  const child = ctx.table(ref);
  if (!child) return;
  if (child.partitionOf) return ctx.error(`"${child.name}" is already a partition`);
  for (const pc of parent.columns) {
    const cc = child.columns.find((c) => c.name === pc.name);
    if (!cc) return ctx.error(`child table is missing column "${pc.name}"`);
    if (cc.type !== pc.type) return ctx.error(`child table "${child.name}" has different type for column "${pc.name}"`);
    if (pc.notNull && !cc.notNull) return ctx.error(`column "${pc.name}" in child table must be marked NOT NULL`);
  }
  const extra = child.columns.find((c) => !parent.columns.some((p) => p.name === c.name));
  if (extra) return ctx.error(`table "${child.name}" contains column "${extra.name}" not found in parent "${parent.name}"`);
  const names = new Map<string, string>();
  let constraints = [...child.constraints];
  for (const pc of parent.constraints.filter(cloned)) {
    const i = constraints.findIndex((c) => sameClone(c, pc));
    if (pc.type === 'check' && i < 0) return ctx.error(`child table is missing constraint "${pc.name}"`);
    if (i < 0) continue;
    names.set(pc.name, constraints[i]!.name);
    constraints = constraints.filter((_, j) => j !== i);
  }
  for (const [, pi] of indexesOf(ctx, parent)) {
    const match = indexesOf(ctx, child).find(([, ci]) => sameClone(ci, pi));
    if (!match) continue;
    names.set(pi.name, match[1].name);
    d.indexes.delete(match[0]);
  }
  const childKey = relationKey(child.schema, child.name);
  d.attachedNames.set(childKey, names);
  const canonical = canonicalPartitionBound(bound, partitionKeyTypes(parent));
  ctx.putTable({ ...child, constraints, partitionOf: { parent: { schema: parent.schema, name: parent.name }, bound: canonical } });
}

/** FigureColname for an index key: the column, a function's name, else `expr`. */
function keyName(k: IndexDef['keys'][number]): string {
  if (k.column !== undefined) return k.column;
  return /^(?:\w+\.)?(\w+)\(/.exec(k.expression ?? '')?.[1] ?? 'expr';
}

/**
 * ALTER TABLE parent DETACH PARTITION child [CONCURRENTLY]: the child stands alone, and what it
 * inherited becomes its own: the parent's CHECKs and foreign keys under their names, its keys
 * and indexes under the names they had on the child (PostgreSQL's `<child>_pkey`,
 * `<child>_<columns>_key`, `<child>_<columns>_idx` for clones; the child's own for ones it had
 * before ATTACH). Cloned row triggers are dropped (they are not modelled on partitions).
 * CONCURRENTLY ends the same way; FINALIZE completes an interrupted CONCURRENTLY, which a replay
 * never leaves, so it fails as PostgreSQL fails it when nothing is pending.
 */
export function detachPartition(ctx: ReplayContext, parent: TableDef, ref: NameRef, mode: 'plain' | 'concurrently' | 'finalize'): void {
  const d = ctx.draft;
  const child = ctx.table(ref);
  if (!child) return;
  if (!child.partitionOf || child.partitionOf.parent.schema !== parent.schema || child.partitionOf.parent.name !== parent.name) {
    return ctx.error(`relation "${child.name}" is not a partition of relation "${parent.name}"`);
  }
  // A replayed CONCURRENTLY always completes, so nothing is ever pending.
  if (mode === 'finalize') return ctx.error(`cannot complete detaching partition "${child.name}": there's no pending concurrent detach`);
  const childKey = relationKey(child.schema, child.name);
  const remembered = d.attachedNames.get(childKey) ?? new Map<string, string>();
  d.attachedNames.delete(childKey);
  const taken = (n: string): boolean => d.relationExists(child.schema, n);
  const constraints = [...child.constraints];
  for (const pc of parent.constraints.filter(cloned)) {
    let name = remembered.get(pc.name);
    if (name === undefined) {
      if (pc.type === 'primary key') name = chooseName(child.name, undefined, 'pkey', taken);
      else if (pc.type === 'unique') name = chooseName(child.name, nameAddition(dedupeColumnNames(pc.columns)), 'key', taken);
      else name = pc.name;
    }
    if (constraints.some((c) => c.name === name)) continue;
    const { origin: _o, comment: _c, ...rest } = pc;
    const def = { ...rest, name, origin: ctx.origin } as ConstraintDef;
    constraints.push(def);
    // Names the partition's own objects had before ATTACH are still taken; clones' are new to the model.
    if (!remembered.has(pc.name)) d.trackConstraints(child, [def], 1);
  }
  const { partitionOf: _p, ...standalone } = child;
  ctx.putTable({ ...standalone, constraints });
  for (const [, pi] of indexesOf(ctx, parent)) {
    const name = remembered.get(pi.name) ?? chooseName(child.name, nameAddition(dedupeColumnNames(pi.keys.map(keyName))), 'idx', taken);
    const { origin: _o, comment: _c, concurrently: _x, ...rest } = pi;
    d.indexes.set(relationKey(child.schema, name), { ...rest, name, table: child.name, origin: ctx.origin });
  }
}
