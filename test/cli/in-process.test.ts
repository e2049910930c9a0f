import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { runCli, spawnCli, type CliResult } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();

/** The same command through run() in this process and through the built binary. */
async function bothWays(args: readonly string[], opts: { cwd?: string } = {}): Promise<{ inProcess: CliResult; binary: CliResult }> {
  const [inProcess, binary] = [await runCli(args, opts), await spawnCli(args, opts)];
  return { inProcess, binary };
}

/** Apply's summary says how long it took: the one part of an output that differs between runs. */
const timeless = (r: CliResult): CliResult => ({ ...r, stdout: r.stdout.replace(/in \d+(\.\d+)? s\b/g, 'in N s') });

describe('the CLI in process (run(argv, io)) and the binary print and exit alike', () => {
  it('version, help, a usage error (with the password redacted), a missing folder: 0, 0, 1, 1', async () => {
    const cases: [readonly string[], number][] = [
      [['--version'], 0],
      [['plan', '--help'], 0],
      [['plan', '--databse=postgres://u:hunter2@h/db'], 1],
      [['state', '-m', '/nonexistent/migrations'], 1],
      [[], 1],
    ];
    for (const [args, code] of cases) {
      const { inProcess, binary } = await bothWays(args);
      expect(binary.code, args.join(' ')).toBe(code);
      expect(inProcess, args.join(' ')).toEqual(binary);
    }
    const usage = (await runCli(['plan', '--databse=postgres://u:hunter2@h/db'])).stderr;
    expect(usage).toContain("error: unknown option '--databse=postgres://u:***@h/db'");
    expect(usage).not.toContain('hunter2');
  });

  it('a replay error (UserError with file:line, exit 1), pending changes (exit 2), an apply and then in sync (exit 0), with relative paths from cwd', async () => {
    const f = await db();
    const dir = await writeHistory(['CREATE TABLE t (id int PRIMARY KEY);', 'ALTER TABLE t ADD COLUMN c int;']);
    const broken = await writeHistory(['CREATE TABLE t (id int PRIMARY KEY;']);
    const cwd = path.dirname(dir);
    const rel = path.basename(dir);
    const syntax = await bothWays(['state', '-m', path.basename(broken)], { cwd: path.dirname(broken) });
    expect(syntax.binary.code).toBe(1);
    expect(syntax.binary.stderr).toMatch(new RegExp(`^error: ${path.basename(broken)}/0001_r1\\.sql:4:\\d+: syntax error`, 'm'));
    expect(syntax.inProcess).toEqual(syntax.binary);

    const pending = await bothWays(['plan', '-m', rel, '-d', f.url], { cwd });
    expect(pending.binary.code).toBe(2);
    expect(pending.inProcess).toEqual(pending.binary);
    const json = await bothWays(['plan', '-q', '-m', rel, '-d', f.url, '-f', 'json'], { cwd });
    expect(json.inProcess).toEqual(json.binary);

    const applied = await runCli(['apply', '-m', rel, '-d', f.url, '--to', 'r1'], { cwd });
    expect(applied.code).toBe(0);
    const again = await spawnCli(['apply', '-m', rel, '-d', f.url], { cwd });
    expect(again.code).toBe(0);
    const check = await bothWays(['check', '-m', rel, '-d', f.url], { cwd });
    expect(check.binary.code).toBe(0);
    expect(timeless(check.inProcess)).toEqual(timeless(check.binary));
  });

  it('a run leaves this process as it found it: exit code, working directory, environment, signal handlers, open connections', async () => {
    const f = await db();
    const dir = await writeHistory(['CREATE TABLE t (id int PRIMARY KEY);']);
    const before = {
      exitCode: process.exitCode, cwd: process.cwd(), env: { ...process.env },
      sigint: process.listenerCount('SIGINT'), sigterm: process.listenerCount('SIGTERM'),
    };
    const sockets = (): number => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'PipeWrap').length;
    const open = sockets();
    expect((await runCli(['apply', '-m', dir, '-d', f.url], { cwd: os.tmpdir(), env: { FORCE_COLOR: '1' } })).code).toBe(0);
    expect((await runCli(['plan', '-m', dir, '-d', f.url, '--bad-flag'])).code).toBe(1);
    const more = await writeHistory(['CREATE TABLE t (id int PRIMARY KEY);', 'CREATE TABLE u (id int);']);
    expect((await runCli(['check', '-m', more, '-d', f.url])).code).toBe(2);
    expect({
      exitCode: process.exitCode, cwd: process.cwd(), env: { ...process.env },
      sigint: process.listenerCount('SIGINT'), sigterm: process.listenerCount('SIGTERM'),
    }).toEqual(before);
    expect(sockets()).toBe(open);
  });
});
