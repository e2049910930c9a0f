import { execFile } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';
import './provided-context.js';

/** What a CLI run printed and how it exited. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Node arguments that start the real `schema-sync` CLI: the bundle the global setup built from
 * source for this run, with the V8 flag bin/schema-sync.js sets.
 */
export function cliCommand(): readonly string[] {
  return ['--liftoff-only', inject('cliBundle')];
}

/** Runs the real `schema-sync` CLI in a child process (see cliCommand). */
export function runCli(args: readonly string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  return runNode([...cliCommand(), ...args], opts);
}

/** Runs `node ...args` with colour off, capturing its output and exit code. */
export function runNode(args: readonly string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...args],
      { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...opts.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
