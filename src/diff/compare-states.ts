import { objectOrder } from '../kinds/kind-lookup.js';
import { kinds } from '../kinds/registry.js';
import type { SchemaState } from '../model/schema-state.js';
import { compareMaps } from './compare-maps.js';
import type { Difference } from './difference.js';

/**
 * Compares a target state with a live one, object by object and attribute by attribute, in
 * both directions. Pure. Used by `check`, and the ground the planner's diff stands on.
 */
export function compareStates(target: SchemaState, live: SchemaState): Difference[] {
  const out: Difference[] = [];
  for (const k of kinds()) {
    const c = k.compare;
    if (!c) continue;
    compareMaps(out, c.object, c.state(target), c.state(live), c.parts && ((t, l, name) => c.parts!(out, t, l, name)), c.ignored);
  }
  const order = objectOrder();
  return out.sort((a, b) => order.indexOf(a.object) - order.indexOf(b.object) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
