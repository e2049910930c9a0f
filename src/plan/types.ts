import type { Drift, PlannedChange, UnmanagedObject } from '../diff/change.js';
import type { AlembicStatus } from './alembic-position.js';
import type { PlanHistory } from './history-context.js';
import type { NotRunStatement } from './data-report.js';
import type { DataStatement } from '../model/data-statement.js';
import type { LockLevel } from './statement-effects.js';

/** One SQL statement of a plan, linked to the change that required it. */
export interface PlanStep {
  /** 1-based position in the plan. */
  readonly id: number;
  /** Index into `Plan.changes` of the change this step implements. */
  readonly change: number;
  /** One idempotent SQL statement (no trailing semicolon). */
  readonly sql: string;
  /**
   * False for statements PostgreSQL refuses inside a transaction block (CREATE INDEX
   * CONCURRENTLY): `apply` runs them after the commit, one by one.
   */
  readonly transactional: boolean;
  /**
   * Runs in a first transaction, committed before the main one: an enum label later steps use
   * (PostgreSQL refuses a new label's use until the transaction that added it commits), and what
   * the label needs. If the main transaction then fails, these stay committed (apply says so).
   */
  readonly early?: boolean;
  /** Short human description, e.g. `add column public.users.email`. */
  readonly description: string;
  // The fields below are set on every step `plan` makes (optional for steps a caller builds).
  /** The strongest lock the statement takes on an existing table (PostgreSQL's lock mode), or `none`. */
  readonly lock?: LockLevel;
  /** It rewrites the table; scans every row; drops stored data; can fail on rows already there. */
  readonly rewrite?: boolean;
  readonly scan?: boolean;
  readonly dataLoss?: boolean;
  readonly mayFail?: boolean;
  /**
   * Where it runs: `in` the plan's transaction; `outside` any transaction, after the commit
   * (CREATE INDEX CONCURRENTLY); or in a first transaction with a `commit after` it (a new enum
   * label, which PostgreSQL lets later statements use only once committed).
   */
  readonly transaction?: StepTransaction;
}

/** Where a plan step runs relative to the plan's transaction (see PlanStep.transaction). */
export type StepTransaction = 'in' | 'outside' | 'commit after';

/** Planner switches. */
export interface PlanOptions {
  /** Plan destructive changes (drops, narrowing); without it they are listed as skipped. */
  readonly allowDestructive?: boolean;
  /** Build indexes on existing tables with CREATE INDEX CONCURRENTLY (outside the transaction). */
  readonly concurrentIndexes?: boolean;
  /** The history's revisions, data statements and the live alembic_version (see PlanHistory). */
  readonly history?: PlanHistory;
}

/** An ordered, idempotent plan: what `plan` shows and `apply` runs. */
export interface Plan {
  /** The planned changes, in execution order. */
  readonly changes: readonly PlannedChange[];
  readonly steps: readonly PlanStep[];
  /** Destructive changes left out because --allow-destructive was not given. */
  readonly skipped: readonly PlannedChange[];
  readonly unmanaged: readonly UnmanagedObject[];
  readonly drift: readonly Drift[];
  /** Fingerprint of the live schema the plan was computed against (apply refuses a stale plan). */
  readonly fingerprint: string;
  /** Where the database stands per alembic_version and what apply records there (histories with revision ids). */
  readonly alembic?: AlembicStatus;
  /** The history's data statements: those the plan runs as seed rows, and those it does not run that matter here. */
  readonly data?: {
    readonly seeded: readonly DataStatement[];
    readonly notRun: readonly NotRunStatement[];
  };
}
