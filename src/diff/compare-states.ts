import { objectOrder } from '../kinds/kind-lookup.js';
import { kinds } from '../kinds/registry.js';
import type { SchemaState } from '../model/schema-state.js';
import type { CompareOptions } from '../kinds/kind-module.js';
import { compareMaps } from './compare-maps.js';
import type { Difference } from './difference.js';

/**
 * Compares a target state with a live one, object by object and attribute by attribute, in
 * both directions, kind by kind (KindModule.compare), then what kinds compare across the state
 * (KindModule.compareState: privileges count for the roles the history names only, owners only
 * with `owners`). Pure. Used by `check`, and the ground the planner's diff stands on.
 */
export function compareStates(target: SchemaState, live: SchemaState, opts: CompareOptions = {}): Difference[] {
  const out: Difference[] = [];
  for (const k of kinds()) {
    const c = k.compare;
    if (!c) continue;
    compareMaps(out, c.object, c.state(target), c.state(live), c.parts && ((t, l, name) => c.parts!(out, t, l, name)), c.ignored);
  }
  for (const k of kinds()) {
    const found = k.compareState?.(target, live, opts);
    if (!found) continue;
    mergeDifferences(out, found.attributes);
    out.push(...found.entries);
  }
  const order: readonly string[] = objectOrder();
  const rank = (o: Difference['object']): number => (order.includes(o) ? order.indexOf(o) : order.length);
  return out.sort((a, b) => rank(a.object) - rank(b.object) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Adds `more` to `out`, an object's attributes joining its existing `different` entry. */
function mergeDifferences(out: Difference[], more: readonly Difference[]): void {
  for (const d of more) {
    const i = out.findIndex((x) => x.kind === 'different' && x.object === d.object && x.name === d.name);
    if (i < 0) out.push(d);
    else out[i] = { ...out[i]!, attributes: [...(out[i]!.attributes ?? []), ...(d.attributes ?? [])] };
  }
}

/** How many objects a comparison looked at (both sides, union by key), for summaries. */
export function countObjects(target: SchemaState, live: SchemaState): number {
  let n = 0;
  for (const k of kinds()) {
    const c = k.compare;
    if (!c) continue;
    const t = c.state(target);
    const l = c.state(live);
    n += new Set([...t.keys(), ...l.keys()]).size;
    if (!c.countParts) continue;
    for (const [key, o] of t) n += c.countParts(o, l.get(key));
    for (const [key, o] of l) if (!t.has(key)) n += c.countParts(undefined, o);
  }
  return n;
}
