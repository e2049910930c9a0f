import type { Command } from 'commander';
import type { Database } from '../db/index.js';
import { readAlembicVersion } from '../introspect/index.js';
import { hasRevisionIds } from '../load/index.js';
import type { PlanHistory } from '../plan/history-context.js';
import type { Replayed } from './compute-plan.js';

/** `--no-stamp` and `--no-seed`, shared by plan and apply so a plan shows what apply does. */
export function historyOptions(cmd: Command): Command {
  return cmd
    .option('--no-stamp', 'do not record the applied revision in alembic_version (default: record it when the history has revision ids)')
    .option('--no-seed', "do not run the history's INSERTs into tables the plan creates (default: run them right after the table is created)");
}

/** The flags as parsed by commander (negatable options default to true). */
export interface HistoryCliOptions {
  readonly stamp?: boolean;
  readonly seed?: boolean;
}

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
