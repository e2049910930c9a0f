import { kinds } from '../kinds/kind-lookup.js';
import type { SchemaState } from '../model/schema-state.js';
import type { Change } from './change.js';
import { describeChange } from './describe-change.js';

/**
 * Display names of the target's objects that no change touches: what `plan` shows as
 * "✓ already in place" (tables stand for their columns and constraints); each kind lists its own.
 */
export function inPlaceObjects(target: SchemaState, changes: readonly Change[]): string[] {
  const touched = new Set<string>();
  for (const c of changes) {
    const d = describeChange(c);
    touched.add(d.name);
    touched.add(d.group);
  }
  const names: string[] = [];
  for (const k of kinds()) {
    for (const o of k.inPlace?.(target) ?? []) if (!touched.has(o.name)) names.push(`${o.label} ${o.name}`);
  }
  return names.sort();
}
