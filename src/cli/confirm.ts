import { createInterface } from 'node:readline/promises';
import type { Plan } from '../plan/types.js';
import type { CliOutput } from './cli-io.js';

/** The terminal streams a prompt uses (a run's stdin and stderr); tests stand in for a terminal. */
export interface PromptIo {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: CliOutput;
}

/** True when the plan has steps a person should look at before they run. */
export function needsConfirmation(plan: Plan): boolean {
  return plan.steps.length > 0 && plan.changes.some((c) => c.safety !== 'safe');
}

/**
 * Asks `Apply …? [y/N]` when stdin is a terminal and the plan has review or destructive changes.
 * Never asks without a terminal (CI, deploy hooks, pipes): there the flags alone decide, so a
 * script can never hang on a prompt. `yes` (--yes) skips the question.
 */
export async function confirmPlan(plan: Plan, database: string, yes: boolean, io: PromptIo): Promise<boolean> {
  if (yes || !io.input.isTTY || !needsConfirmation(plan)) return true;
  const review = plan.changes.filter((c) => c.safety === 'review').length;
  const destructive = plan.changes.filter((c) => c.safety === 'destructive').length;
  // The question is written here, not by readline (which wants a full stream for its output),
  // once readline listens: an answer typed ahead is not lost.
  const rl = createInterface({ input: io.input, terminal: false });
  try {
    const answered = rl.question('');
    io.output.write(`Apply ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'} (${review} review, ${destructive} destructive) to ${database}? [y/N] `);
    const answer = await answered;
    return /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}
