/** How `apply` groups a transaction's steps into round trips. */
import { guardedBlockOf, mergeGuardedBlocks } from '../plan/index.js';
import type { PlanStep } from '../plan/types.js';

/** Steps sent to the server in one round trip: a bound on statements and on SQL text. */
const BATCH_STEPS = 200;
const BATCH_BYTES = 512 * 1024;

/** Splits steps into consecutive batches for one multi-statement query each. */
export function batchSteps(steps: readonly PlanStep[]): PlanStep[][] {
  const batches: PlanStep[][] = [];
  let current: PlanStep[] = [];
  let bytes = 0;
  for (const step of steps) {
    if (current.length && (current.length >= BATCH_STEPS || bytes + step.sql.length > BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(step);
    bytes += step.sql.length;
  }
  if (current.length) batches.push(current);
  return batches;
}

/**
 * The SQL text of one batch: the steps in order, each run of consecutive guarded steps (DO
 * blocks) sent as one DO block with the same IF blocks, so the server pays its per-statement
 * lock bookkeeping once per run instead of once per step (see mergeGuardedBlocks).
 */
export function batchSql(batch: readonly PlanStep[]): string {
  const parts: string[] = [];
  let run: { sql: string; block: string }[] = [];
  const flush = (): void => {
    if (run.length === 1) parts.push(run[0]!.sql);
    else if (run.length > 1) parts.push(mergeGuardedBlocks(run.map((r) => r.block)));
    run = [];
  };
  for (const step of batch) {
    const block = guardedBlockOf(step.sql);
    if (block !== undefined) {
      run.push({ sql: step.sql, block });
      continue;
    }
    flush();
    parts.push(step.sql);
  }
  flush();
  // A newline before each `;`: a step's SQL may end in a `--` comment.
  return parts.map((sql) => `${sql}\n;`).join('\n');
}
