import type { Database } from '../db/index.js';
import { readAlembicVersion } from '../introspect/index.js';
import { hasRevisionIds } from '../load/index.js';
import type { PlanHistory } from '../plan/history-context.js';
import type { Replayed } from './compute-plan.js';
import type { HistoryCliOptions } from './history-flags.js';

/** What the planner gets about the history, given the live alembic_version rows. */
export function planHistory(replayed: Replayed, alembicVersion: readonly string[] | undefined, o: HistoryCliOptions): PlanHistory {
  return {
    revisions: replayed.history.revisions,
    hasRevisionIds: hasRevisionIds(replayed.history),
    alembicVersion,
    data: replayed.data,
    events: replayed.state.history,
    stamp: o.stamp !== false,
    seed: o.seed !== false,
  };
}

/** Reads alembic_version and builds the planner's history context. */
export async function readPlanHistory(db: Database, replayed: Replayed, o: HistoryCliOptions): Promise<PlanHistory> {
  return planHistory(replayed, await readAlembicVersion(db), o);
}
