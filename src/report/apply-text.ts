import type { PlanSummary } from './plan-summary.js';
import { PLAIN, type Style } from './style.js';

/** What the apply summary needs to say. */
export interface ApplySummary {
  readonly applied: PlanSummary;
  readonly steps: number;
  /** Changes still pending after verification (should be 0). */
  readonly remaining: number;
  readonly seconds: number;
  /** Revision(s) recorded in alembic_version, if apply recorded any. */
  readonly stamped?: string;
  /** Data statements of the history that may change rows and were not run (listed in the plan). */
  readonly dataNotRun?: number;
}

/** The closing lines of `apply`: what was applied, skipped and left, and whether the target was reached. */
export function renderApplySummary(a: ApplySummary, s: Style = PLAIN): string {
  const m = a.applied;
  const lines: string[] = [];
  if (!m.changes) lines.push(s.ok('✓ Nothing to apply: everything the migrations describe is in place.'));
  else lines.push(s.ok(`✓ Applied ${m.changes} change${m.changes === 1 ? '' : 's'} in ${a.steps} step${a.steps === 1 ? '' : 's'} (${a.seconds.toFixed(2)} s).`));
  if (a.stamped) lines.push(s.ok(`✓ Recorded revision ${a.stamped} in alembic_version.`));
  const left = [
    m.skipped && `${m.skipped} destructive change${m.skipped === 1 ? '' : 's'} skipped (--allow-destructive)`,
    m.unmanaged && `${m.unmanaged} unmanaged object${m.unmanaged === 1 ? '' : 's'} left alone`,
    m.drift && `${m.drift} drift item${m.drift === 1 ? '' : 's'} to fix by hand`,
    a.dataNotRun && `${a.dataNotRun} data statement${a.dataNotRun === 1 ? '' : 's'} of the history not run (listed in the plan)`,
  ].filter(Boolean);
  if (left.length) lines.push(s.warn(`⚠ ${left.join('; ')}.`));
    // Verified means every planned change is in place; "matches" only when nothing is left either.
  const verified = left.length ? '✓ Verified: every planned change is in place; the database still differs as listed above.' : '✓ Verified: the database matches the migrations.';
  lines.push(a.remaining ? s.warn(`⚠ verification: ${a.remaining} change${a.remaining === 1 ? '' : 's'} still pending`) : s.ok(verified));
  return lines.join('\n') + '\n';
}
