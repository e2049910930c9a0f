import type { PlannedChange, Safety } from './change.js';

/** Changes per safety class, for summaries (`3 safe, 1 review, 0 destructive`). */
export function countChanges(changes: readonly PlannedChange[]): Record<Safety, number> {
  const counts: Record<Safety, number> = { safe: 0, review: 0, destructive: 0 };
  for (const c of changes) counts[c.safety]++;
  return counts;
}
