/** Runs a command as a child process and measures it: wall time always, CPU and peak RSS for Node. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const usagePreload = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));

/** One measured child run. `cpuMs` and `maxRssMb` are known only for Node children. */
export interface Measured {
  readonly wallMs: number;
  readonly cpuMs?: number;
  readonly maxRssMb?: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node <script> ...args` with a preload that records process.resourceUsage() at exit, so
 * CPU time (user + system, GC threads included) and peak RSS are the child's own.
 */
export async function runNode(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  nodeArgs: readonly string[] = [],
): Promise<Measured> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-usage-'));
  const usageFile = path.join(dir, 'usage.json');
  try {
    const r = await run(process.execPath, [...nodeArgs, '--import', usagePreload, script, ...args], { ...env, BENCH_USAGE_FILE: usageFile });
    let usage: NodeJS.ResourceUsage | undefined;
    try {
      usage = JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
    } catch {
      usage = undefined;
    }
    return usage ? { ...r, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024 } : r;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs any program and measures its wall time. */
export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        wallMs: performance.now() - start,
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

/** Fails with the child's output when it did not exit with one of `codes`. */
export function expectExit(m: Measured, codes: readonly number[], what: string): Measured {
  if (m.code === null || !codes.includes(m.code)) {
    throw new Error(`${what} exited with ${m.code} (expected ${codes.join(' or ')})\n${m.stderr.slice(-3000)}\n${m.stdout.slice(-2000)}`);
  }
  return m;
}
