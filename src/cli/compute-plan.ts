import type { Database } from '../db/index.js';
import { diff } from '../diff/diff.js';
import { inPlaceObjects } from '../diff/in-place.js';
import { introspect } from '../introspect/index.js';
import type { SchemaState } from '../model/schema-state.js';
import { plan as planChanges } from '../plan/index.js';
import type { Plan, PlanOptions } from '../plan/types.js';
import { summarizePlan, type PlanSummary } from '../report/plan-summary.js';

/** Everything a plan rendering needs. */
export interface ComputedPlan {
  readonly target: SchemaState;
  readonly live: SchemaState;
  readonly plan: Plan;
  readonly summary: PlanSummary;
  readonly inPlace: readonly string[];
}

/** Introspects, diffs and plans against a replayed target: the shared core of `plan` and `apply`. */
export async function computePlan(
  db: Database,
  target: SchemaState,
  opts: PlanOptions & { schemas?: readonly string[]; includeAlembicVersion?: boolean },
): Promise<ComputedPlan> {
  const live = await introspect(db, {
    ...(opts.schemas?.length ? { schemas: [...opts.schemas] } : {}),
    includeAlembicVersion: !!opts.includeAlembicVersion,
  });
  const result = planChanges(diff(target, live), live, opts);
  const inPlace = inPlaceObjects(target, [...result.changes, ...result.skipped]);
  return { target, live, plan: result, summary: summarizePlan(result, inPlace.length), inPlace };
}
