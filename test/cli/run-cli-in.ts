import { execFile } from 'node:child_process';
import path from 'node:path';
import type { CliResult } from '../support/run-cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/loader.mjs');

/**
 * runCli from another working directory (a git repository, a folder with schema-sync.json):
 * `--import tsx` would resolve tsx from that directory, so the loader is given by path.
 */
export function runCliIn(cwd: string, args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', `file://${TSX}`, path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
  });
}
