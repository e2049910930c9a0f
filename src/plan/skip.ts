import type { Change } from '../diff/change.js';
import type { Action } from './action.js';
import type { Assessment } from './derive-hazards.js';
import { freeDep, isColumnDep, isFreeDep, isNameDep, type DepKey } from './dependency-keys.js';

/**
 * Which changes to leave out (diff indices). Without `allowDestructive`: every destructive change;
 * then, until nothing moves, every change whose name stays taken because the drop or rename that
 * would free it is left out, every change that needs what only a left-out change provides (a
 * constraint on the new generation of a replaced column), and every replacement drop whose
 * re-creation is left out (the drop is only acceptable together with its re-creation) unless a
 * planned type change needs it gone (a foreign key on a column being retyped).
 */
export function skippedChanges(
  changes: readonly Change[],
  actions: ReadonlyMap<number, readonly Action[]>,
  assessed: ReadonlyMap<number, Assessment>,
  allowDestructive: boolean,
): Set<number> {
  const skipped = new Set<number>();
  if (allowDestructive) return skipped;
  for (const i of actions.keys()) if (assessed.get(i)?.safety === 'destructive') skipped.add(i);
  if (!skipped.size) return skipped;

  /** Per change: the free keys it provides (drops, renames), the names it takes, what it needs and what its drop needs gone. */
  const frees = new Map<number, Set<DepKey>>();
  const takes = new Map<number, DepKey[]>();
  const needs = new Map<number, DepKey[]>();
  const liveNeeds = new Map<number, DepKey[]>();
  const providers = new Map<DepKey, number[]>();
  for (const [i, list] of actions) {
    const keys = list.flatMap((a) => a.deps.provides);
    frees.set(i, new Set(keys.filter(isFreeDep)));
    takes.set(i, keys.filter(isNameDep).map(freeDep));
    needs.set(i, list.flatMap((a) => a.deps.requires));
    liveNeeds.set(i, list.flatMap((a) => a.live?.requires ?? []));
    for (const k of keys) providers.set(k, [...(providers.get(k) ?? []), i]);
  }
  /** Column keys that planned type changes need free of live dependents. */
  const clearedColumns = (): Set<DepKey> =>
    new Set([...actions].filter(([j]) => !skipped.has(j)).flatMap(([, list]) => list.flatMap((a) => a.clearedBy ?? [])).filter(isColumnDep));
  const onlyFromSkipped = (key: DepKey, except: number): boolean => {
    const from = (providers.get(key) ?? []).filter((j) => j !== except);
    return from.length > 0 && from.every((j) => skipped.has(j));
  };
  const freedBySkipped = (key: DepKey, except: number): boolean =>
    [...skipped].some((j) => j !== except && frees.get(j)?.has(key));
  const partners = (drop: number): number[] =>
    [...takes].filter(([j, keys]) => j !== drop && keys.some((k) => frees.get(drop)?.has(k))).map(([j]) => j);

  for (let moved = true; moved; ) {
    moved = false;
    for (const i of actions.keys()) {
      if (skipped.has(i)) continue;
      const c = changes[i]!;
      const blocked = (takes.get(i) ?? []).some((k) => freedBySkipped(k, i)) || (needs.get(i) ?? []).some((k) => onlyFromSkipped(k, i));
      const orphaned =
        c.kind === 'drop' && c.reason === 'replace' && partners(i).some((j) => skipped.has(j)) &&
        !(liveNeeds.get(i) ?? []).some((k) => clearedColumns().has(k));
      if (blocked || orphaned) {
        skipped.add(i);
        moved = true;
      }
    }
  }
  return skipped;
}
