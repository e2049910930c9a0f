import type { Change } from '../diff/change.js';
import { describeChange } from '../diff/describe-change.js';
import { UserError } from '../errors.js';
import type { PlanStep } from '../plan/types.js';

/**
 * A plan step the server rejected. Everything in its transaction was rolled back; the message
 * names the step, its SQL, the migration file:line that required it, and what an earlier
 * transaction had committed (enum labels committed ahead of the steps using them).
 */
export class ApplyError extends UserError {
  constructor(
    readonly step: PlanStep,
    readonly change: Change | undefined,
    readonly serverMessage: string,
    readonly rolledBack: boolean,
    /** Steps committed before the failing transaction (enum labels the plan uses). */
    readonly committed: readonly PlanStep[] = [],
  ) {
    const d = change ? describeChange(change) : undefined;
    const origin = change?.origin;
    const lines = [
      `SQL: ${step.sql}`,
      ...(d ? [`change: ${d.action} ${d.object} ${d.name}`] : []),
      ...(origin ? [`required by: ${origin.file}:${origin.line}${origin.revision ? ` (revision ${origin.revision})` : ''}`] : []),
      rolledBack
        ? committed.length
          ? `the transaction was rolled back; committed before it: ${committed.map((s) => `step ${s.id} (${s.description})`).join(', ')}`
          : 'the transaction was rolled back: the database is unchanged'
        : 'earlier steps had already been committed',
    ];
    super(`step ${step.id} (${step.description}) failed: ${serverMessage}`, undefined, lines.join('\n'));
  }
}
