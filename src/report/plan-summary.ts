import type { PlannedChange } from '../diff/change.js';
import type { Plan } from '../plan/types.js';

/** Counts shown in every rendering of a plan. */
export interface PlanSummary {
  readonly changes: number;
  readonly safe: number;
  readonly review: number;
  readonly destructive: number;
  readonly steps: number;
  readonly skipped: number;
  readonly unmanaged: number;
  readonly drift: number;
  /** Target objects that need no change. */
  readonly inPlace: number;
}

/** Summary counts of a plan; `inPlace` is supplied by the caller (it needs the target state). */
export function summarizePlan(plan: Plan, inPlace: number): PlanSummary {
  const by = (s: PlannedChange['safety']): number => plan.changes.filter((c) => c.safety === s).length;
  return {
    changes: plan.changes.length,
    safe: by('safe'),
    review: by('review'),
    destructive: by('destructive'),
    steps: plan.steps.length,
    skipped: plan.skipped.length,
    unmanaged: plan.unmanaged.length,
    drift: plan.drift.length,
    inPlace,
  };
}
