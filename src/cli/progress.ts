import type { PlanStep } from '../plan/types.js';
import type { CliOutput } from './cli-io.js';

/**
 * Apply's progress on stderr: on a terminal one line rewritten in place (step k of n, percent,
 * elapsed seconds, what runs); elsewhere (CI logs, files) one plain line per step.
 */
export function stepProgress(out: CliOutput, started = performance.now()): {
  readonly step: (step: PlanStep, total: number) => void;
  readonly done: () => void;
} {
  let live = false;
  return {
    step: (step, total) => {
      if (!out.isTTY) {
        out.write(`applying step ${step.id}/${total}: ${step.description}\n`);
        return;
      }
      const elapsed = ((performance.now() - started) / 1000).toFixed(1);
      const text = `applying step ${step.id} of ${total} (${Math.floor((step.id / total) * 100)}%, ${elapsed} s): ${step.description}`;
      out.write(`\r\u001b[K${text.slice(0, Math.max(20, (out.columns ?? 100) - 1))}`);
      live = true;
    },
    done: () => {
      if (live) out.write('\n');
      live = false;
    },
  };
}
