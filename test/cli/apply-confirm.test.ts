import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { confirmPlan } from '../../src/cli/confirm.js';
import { stepProgress } from '../../src/cli/progress.js';
import { computePlan } from '../../src/cli/compute-plan.js';
import { perTestResources } from '../support/cleanups.js';
import { cliCommand, runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';
import { replaySql } from '../diff/replayed-states.js';

const { db } = perTestResources();
const ROOT = path.resolve(import.meta.dirname, '../..');
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Runs the CLI on a pseudo-terminal (util-linux `script`), typing `input` into it. */
function runOnTerminal(args: readonly string[], input: string): Promise<{ code: number; output: string }> {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const cmd = [process.execPath, ...cliCommand(), ...args].map(quote).join(' ');
  return new Promise((resolve) => {
    const child = execFile('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout }));
    // Type the answer once the prompt is there (a terminal echoes early typing before it).
    let sent = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      if (!sent && String(chunk).includes('[y/N]')) {
        sent = true;
        child.stdin!.write(input);
      }
    });
  });
}

function fakeTerminal(answer: string | undefined): { input: PassThrough & { isTTY?: boolean }; output: PassThrough; asked: () => string } {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let text = '';
  output.on('data', (c) => {
    text += String(c);
    if (answer !== undefined && text.includes('[y/N]')) input.write(answer);
  });
  return { input, output, asked: () => text };
}

const REVIEW = computePlan(replaySql(['CREATE TABLE t (id int, v text); ALTER TABLE t ALTER COLUMN v SET NOT NULL;']), replaySql(['CREATE TABLE t (id int, v text);']), {}).plan;
const SAFE = computePlan(replaySql(['CREATE TABLE t (id int);']), replaySql(['SELECT 1;']), {}).plan;

describe('apply asks before review and destructive changes, only on a terminal', () => {
  it('asks on a terminal and takes y/yes as consent, anything else as no', async () => {
    for (const [answer, expected] of [['y\n', true], ['YES\n', true], ['n\n', false], ['\n', false]] as const) {
      const t = fakeTerminal(answer);
      expect(await confirmPlan(REVIEW, 'postgres://db', false, t)).toBe(expected);
      expect(t.asked()).toBe('Apply 1 change (1 review, 0 destructive) to postgres://db? [y/N] ');
    }
  });

  it('never asks without a terminal, with --yes, or for a plan of safe changes only', async () => {
    const pipe = Object.assign(new PassThrough(), { isTTY: false });
    const out = new PassThrough();
    expect(await confirmPlan(REVIEW, 'db', false, { input: pipe, output: out })).toBe(true);
    const t = fakeTerminal(undefined);
    expect(await confirmPlan(REVIEW, 'db', true, t)).toBe(true);
    expect(await confirmPlan(SAFE, 'db', false, t)).toBe(true);
    expect(t.asked()).toBe('');
  });

  it.skipIf(!hasScript)('on a pseudo-terminal: "n" leaves the database untouched (exit 1), "y" applies; a pipe never asks', async () => {
    const f = await db();
    await f.db.exec('CREATE TABLE t (id int, v text)');
    const dir = await writeHistory(['CREATE TABLE t (id int, v text);', 'ALTER TABLE t ALTER COLUMN v SET NOT NULL;']);
    const notNull = async (): Promise<boolean> =>
      (await f.db.query<{ attnotnull: boolean }>(`SELECT attnotnull FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'v'`))[0]!.attnotnull;
    const no = await runOnTerminal(['apply', '-m', dir, '-d', f.url], 'n\n');
    expect(no.output).toContain('[y/N]');
    expect(no.output).toContain('error: apply cancelled: nothing was applied');
    expect(no.code).toBe(1);
    expect(await notNull()).toBe(false);
    const yes = await runOnTerminal(['apply', '-m', dir, '-d', f.url], 'y\n');
    expect(yes.output).toContain('Verified');
    expect(yes.code).toBe(0);
    expect(await notNull()).toBe(true);
    // No terminal: the flags decide, no prompt.
    await f.db.exec('ALTER TABLE t ALTER COLUMN v DROP NOT NULL');
    const piped = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(piped.code).toBe(0);
    expect(piped.stderr + piped.stdout).not.toContain('[y/N]');
    expect(await notNull()).toBe(true);
  });
});

describe('apply progress', () => {
  it('rewrites one line on a terminal (step k of n, percent, elapsed) and prints plain lines elsewhere', () => {
    const steps = REVIEW.steps.length ? [...REVIEW.steps, ...SAFE.steps] : SAFE.steps;
    const tty = Object.assign(new PassThrough(), { isTTY: true, columns: 200 });
    let shown = '';
    tty.on('data', (c) => (shown += String(c)));
    const p = stepProgress(tty);
    for (const s of steps) p.step(s, steps.length);
    p.done();
    expect(shown).toMatch(new RegExp(`^\\r\\u001b\\[Kapplying step 1 of ${steps.length} \\(\\d+%, \\d+\\.\\d s\\): `));
    expect(shown.endsWith('\n')).toBe(true);
    expect(shown.split('\n')).toHaveLength(2);
    const log = Object.assign(new PassThrough(), { isTTY: false });
    let plain = '';
    log.on('data', (c) => (plain += String(c)));
    const q = stepProgress(log);
    for (const s of steps) q.step(s, steps.length);
    q.done();
    expect(plain.split('\n').filter(Boolean)).toEqual(steps.map((s) => `applying step ${s.id}/${steps.length}: ${s.description}`));
  });
});
