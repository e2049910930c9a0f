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

/** Which part of the catalog a command reads. */
export interface CatalogScopeOptions {
  readonly schemas?: readonly string[];
  readonly includeAlembicVersion?: boolean;
}

/**
 * Starts reading the live catalog and returns the pending result, so the caller can replay the
 * migrations meanwhile (replayInput yields between revisions). The returned promise never
 * rejects unobserved: callers that give up on it use {@link settle}.
 */
export function startIntrospection(db: Database, opts: CatalogScopeOptions): Promise<SchemaState> {
  const live = introspect(db, {
    ...(opts.schemas?.length ? { schemas: [...opts.schemas] } : {}),
    includeAlembicVersion: !!opts.includeAlembicVersion,
  });
  live.catch(() => undefined);
  return live;
}

/** Waits for a pending introspection to finish, ignoring its outcome (before closing the connection). */
export async function settle(live: Promise<unknown>): Promise<void> {
  await live.catch(() => undefined);
}

/** Diffs and plans a replayed target against the (pending) live state: the core of `plan`. */
export async function computePlan(
  target: SchemaState,
  pendingLive: Promise<SchemaState>,
  opts: PlanOptions,
): Promise<ComputedPlan> {
  const live = await pendingLive;
  const result = planChanges(diff(target, live), live, opts);
  const inPlace = inPlaceObjects(target, [...result.changes, ...result.skipped]);
  return { target, live, plan: result, summary: summarizePlan(result, inPlace.length), inPlace };
}
