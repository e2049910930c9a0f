import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseStyle } from '../../src/cli/style-option.js';
import { COLOR, PLAIN } from '../../src/report/style.js';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
// A database of the run's server: these tests are about options, and a PGlite database costs every
// CLI call several seconds of WASM start-up (test/cli/check.test.ts and others cover PGlite).
const { db } = perTestResources();
const COMMANDS = ['state', 'inspect', 'check', 'plan', 'apply'];

/** Runs the CLI from source with a module hook that lists every module URL it resolves. */
async function loadedModules(args: readonly string[]): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-hook-'));
  await writeFile(path.join(dir, 'hook.mjs'), `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('LOADED ' + r.url + '\\n'); return r; }\n`);
  await writeFile(path.join(dir, 'register.mjs'), `import { register } from 'node:module'; register(${JSON.stringify(new URL('file://' + path.join(dir, 'hook.mjs')).href)});\n`);
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', '--import', path.join(dir, 'register.mjs'), path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT },
      (_err, _stdout, stderr) => resolve(stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7))));
  });
}

describe('options every command shares', () => {
  it('--version and -V print the package version, exit 0', async () => {
    const { version } = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(path.join(ROOT, 'package.json'), 'utf8')));
    for (const flag of ['--version', '-V']) {
      const r = await runCli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it('every command accepts --no-color and -q/--quiet (its help lists them)', async () => {
    for (const cmd of COMMANDS) {
      const r = await runCli([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toContain('--no-color');
      expect(r.stdout, cmd).toContain('-q, --quiet');
    }
    // check refused --no-color before; with a bad migrations folder it now fails on that instead.
    const r = await runCli(['check', '--no-color', '-q', '-m', '/nonexistent/migrations', '-d', (await db()).url]);
    expect(r.stderr).not.toContain('unknown option');
    expect(r.stderr).toContain('No such file or folder: /nonexistent/migrations');
  });

  it('a missing migrations folder fails before the database is opened: no PGlite directory is created', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-nodb-'));
    for (const cmd of ['check', 'plan', 'apply']) {
      const dataDir = path.join(base, cmd);
      const r = await runCli([cmd, '-m', '/nonexistent/migrations', '-d', `pglite:${dataDir}`]);
      expect(r.code, cmd).toBe(1);
      expect(r.stderr, cmd).toContain('No such file or folder: /nonexistent/migrations');
      expect(existsSync(dataDir), `${cmd} opened pglite:${dataDir}`).toBe(false);
    }
  });

  it('-q drops the replay summary line but keeps warnings', async () => {
    const dir = await writeHistory(["CREATE TABLE t (id int); CREATE CONVERSION c FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;"]);
    const loud = await runCli(['state', '-m', dir]);
    const quiet = await runCli(['state', '-m', dir, '--quiet']);
    expect(loud.stderr).toMatch(/replayed 1 revision/);
    expect(quiet.stderr).not.toMatch(/replayed/);
    for (const r of [loud, quiet]) expect(r.stderr).toContain('warning: not modelled: CreateConversion statement');
    expect(quiet.stdout).toBe(loud.stdout);
  });

  it('--help and --version load neither the parser nor a database driver', async () => {
    for (const args of [['--help'], ['--version'], ['plan', '--help']]) {
      const urls = await loadedModules(args);
      expect(urls.some((u) => u.includes('src/cli/main.ts')), args.join(' ')).toBe(true);
      expect(urls.filter((u) => /libpg-query|pgsql-deparser|@electric-sql|node_modules\/pg\/|src\/parse\//.test(u)), args.join(' ')).toEqual([]);
    }
    // The same hook does see the parser when a command really replays.
    const urls = await loadedModules(['state', '-q']);
    expect(urls.some((u) => u.includes('libpg-query'))).toBe(true);
    // A SQL history does not load the reader of Python revisions (lezer and the interpreter).
    expect(urls.filter((u) => /@lezer\/|alembic-py\/(parse-python|load-python-folder)/.test(u))).toEqual([]);
  });
});

describe('colour choice', () => {
  it('--no-color beats FORCE_COLOR; FORCE_COLOR beats NO_COLOR and a pipe; NO_COLOR beats a terminal', () => {
    expect(chooseStyle(false, { FORCE_COLOR: '1' }, true)).toBe(PLAIN);
    expect(chooseStyle(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(COLOR);
    expect(chooseStyle(undefined, { FORCE_COLOR: '0' }, true)).toBe(PLAIN);
    expect(chooseStyle(undefined, { FORCE_COLOR: 'false' }, true)).toBe(PLAIN);
    expect(chooseStyle(undefined, { NO_COLOR: '1' }, true)).toBe(PLAIN);
    expect(chooseStyle(undefined, { NO_COLOR: '' }, true)).toBe(COLOR);
    expect(chooseStyle(undefined, {}, true)).toBe(COLOR);
    expect(chooseStyle(undefined, {}, false)).toBe(PLAIN);
  });

  it('FORCE_COLOR=1 colours plan output in a pipe; --no-color removes it again', async () => {
    const dir = await writeHistory(['CREATE TABLE t (id int PRIMARY KEY);']);
    const { url } = await db();
    const forced = await runCli(['plan', '-m', dir, '-d', url], { env: { FORCE_COLOR: '1' } });
    expect(forced.code).toBe(2);
    expect(forced.stdout).toContain('\u001b[');
    const off = await runCli(['plan', '-m', dir, '-d', url, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(off.code).toBe(2);
    expect(off.stdout).not.toContain('\u001b[');
  });
});
