import { execFile } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { inject } from 'vitest';
import type { CliOutput } from '../../src/cli/cli-io.js';
import { run } from '../../src/cli/run.js';
import './provided-context.js';

/** What a CLI run printed and how it exited. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** How a test runs the CLI: extra environment (over the test process's, colour off), working directory, stdin. */
export interface CliRunOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** What stdin holds (never a terminal). */
  readonly input?: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The environment a run sees: the test process's, colour off, then the test's own. */
function runEnv(opts: CliRunOptions): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', ...opts.env };
}

/** An output stream that keeps what is written (not a terminal). */
function captured(): CliOutput & { text: () => string } {
  const chunks: string[] = [];
  return { isTTY: false, write: (s: string) => chunks.push(s), text: () => chunks.join('') };
}

/**
 * Runs the CLI in this process through `run(argv, io)` (src/cli/run.ts), exactly as the binary
 * does minus the process: the same output, the same exit code, without ~0.4 s of Node start-up
 * and parser loading per call. Tests about the process itself (signals, the binary's real exit
 * code, stdout/stderr at the fd level, a terminal) use spawnCli or cliCommand instead.
 * SCHEMA_SYNC_TEST_SPAWN=1 runs these through the binary too (the same tests must pass both ways).
 */
export async function runCli(args: readonly string[], opts: CliRunOptions = {}): Promise<CliResult> {
  if (process.env['SCHEMA_SYNC_TEST_SPAWN']) return spawnCli(args, opts);
  const env = runEnv(opts);
  // The pg driver reads PG* variables from the process, not from the run's io: a test that
  // changes them must run a process, or the driver would see other settings than the CLI.
  const differs = Object.keys(opts.env ?? {}).filter((k) => k.startsWith('PG') && (env[k] || undefined) !== (process.env[k] || undefined));
  if (differs.length) throw new Error(`runCli: ${differs.join(', ')} reach the pg driver from the process environment; use spawnCli`);
  const stdout = captured();
  const stderr = captured();
  const stdin = Readable.from(opts.input !== undefined ? [opts.input] : []);
  const code = await run(args, { stdout, stderr, stdin, env, cwd: opts.cwd ?? ROOT });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * Node arguments that start the real `schema-sync` CLI: the bundle the global setup built from
 * source for this run, with the V8 flag bin/schema-sync.js sets.
 */
export function cliCommand(): readonly string[] {
  return ['--liftoff-only', inject('cliBundle')];
}

/** Runs the real `schema-sync` CLI in a child process (see cliCommand), for tests about the process. */
export function spawnCli(args: readonly string[], opts: CliRunOptions = {}): Promise<CliResult> {
  return runNode([...cliCommand(), ...args], opts);
}

/** Runs `node ...args` with colour off, capturing its output and exit code. */
export function runNode(args: readonly string[], opts: CliRunOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [...args],
      { cwd: opts.cwd ?? ROOT, env: runEnv(opts), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(opts.input ?? '');
  });
}
