import type { Plan } from './types.js';

/**
 * Where a live database stands against the target, counted the same way for every command:
 * `plan`, `check` and `apply --strict` take their exit code from it (see src/cli/exit-codes.ts
 * and the table in docs/SCHEMA_SYNC_GUIDE.md), so the same situation gets the same verdict.
 */
export interface Verdict {
  /** Changes apply makes (planned, not skipped). */
  readonly pending: number;
  /**
   * alembic_version is behind (or beside) the history and apply moves it. A database without the
   * table is not behind: its Alembic position is unknown, and creating the table is bookkeeping.
   */
  readonly stamp: boolean;
  /** Destructive changes apply leaves out without --allow-destructive. */
  readonly skipped: number;
  /** Differences no statement fixes (a live-only enum label): a person has to. */
  readonly drift: number;
  /** Live objects no migration mentions: left alone. */
  readonly unmanaged: number;
  /** Data statements of the history that may change rows here and that schema-sync does not run. */
  readonly dataNotRun: number;
}

/** The verdict on a plan. */
export function verdictOf(plan: Plan): Verdict {
  return {
    pending: plan.changes.length,
    stamp: !!plan.alembic?.stamp.length && plan.alembic.current !== null,
    skipped: plan.skipped.length,
    drift: plan.drift.length,
    unmanaged: plan.unmanaged.length,
    dataNotRun: plan.data?.notRun.filter((n) => n.effect === 'rows').length ?? 0,
  };
}

/** What apply cannot do by itself: after an apply, the database still differs from the target. */
export function leftUndone(v: Verdict): boolean {
  return v.skipped > 0 || v.drift > 0 || v.unmanaged > 0 || v.dataNotRun > 0;
}

/** The database equals the target: nothing to apply, nothing left for a person. */
export function inSync(v: Verdict): boolean {
  return v.pending === 0 && !v.stamp && !leftUndone(v);
}
