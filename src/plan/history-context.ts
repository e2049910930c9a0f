import type { DataStatement } from '../model/data-statement.js';
import type { HistoryEvent } from '../model/history.js';

/** A revision as the planner needs it: its id and parents. */
export interface RevisionRef {
  readonly id: string;
  readonly parents: readonly string[];
}

/**
 * What the planner knows besides the two schemas: the replayed revisions (in execution order),
 * the live `alembic_version` rows, and the history's data statements. All optional; without it
 * a plan is what it always was.
 */
export interface PlanHistory {
  readonly revisions: readonly RevisionRef[];
  /** False for a folder of plain numbered files, whose "ids" are file names Alembic never wrote. */
  readonly hasRevisionIds: boolean;
  /** Rows of the live `alembic_version` (sorted); undefined when the database has no such table. */
  readonly alembicVersion?: readonly string[] | undefined;
  /** Record the applied revision in `alembic_version` (default: true when the history has revision ids). */
  readonly stamp?: boolean;
  /** The history's data statements (INSERT, UPDATE, ...), in history order. */
  readonly data?: readonly DataStatement[];
  /** The target state's renames and drops (their origins place a rename change in the history). */
  readonly events?: readonly HistoryEvent[];
  /** Run the history's seed INSERTs into tables the plan creates (default: true). */
  readonly seed?: boolean;
}
