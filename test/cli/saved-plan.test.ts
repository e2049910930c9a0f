import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index.js';
import { introspect } from '../../src/introspect/index.js';
import { renderStateSql } from '../../src/report/state-sql.js';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();
const ROOT = path.resolve(import.meta.dirname, '../..');

/** The schema and alembic_version, as text: "nothing was written". */
async function snapshot(d: Database): Promise<string> {
  const versions = await d.query<{ v: string }>(`SELECT version_num AS v FROM alembic_version ORDER BY 1`).catch(() => []);
  return renderStateSql(await introspect(d, {})) + '\n' + JSON.stringify(versions);
}

const R1 = 'CREATE TABLE orders (id int PRIMARY KEY, note text);';
const R2 = 'CREATE TABLE customers (id int PRIMARY KEY, name text);';
/** The migration that lands after the review: an unreviewed table and an unreviewed drop. */
const R3 = 'CREATE TABLE audit (id int);\nALTER TABLE orders DROP COLUMN note;';

/** A database at r1 (applied and stamped), a history at r2, and the plan reviewed for it. */
async function reviewed(): Promise<{ url: string; d: Database; dir: string; file: string; json: string }> {
  const f = await db();
  const dir = await writeHistory([R1, R2]);
  await rm(path.join(dir, '0002_r2.sql'));
  expect((await runCli(['apply', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
  await writeFile(path.join(dir, '0002_r2.sql'), `-- revision: r2\n-- down_revision: r1\n\n${R2}\n`);
  const planned = await runCli(['plan', '-q', '-m', dir, '-d', f.url, '--format', 'json']);
  expect(planned.code).toBe(2);
  const file = path.join(dir, 'reviewed.json');
  await writeFile(file, planned.stdout);
  return { url: f.url, d: f.db, dir, file, json: planned.stdout };
}

async function landR3(dir: string): Promise<void> {
  await writeFile(path.join(dir, '0003_r3.sql'), `-- revision: r3\n-- down_revision: r2\n\n${R3}\n`);
}

describe('apply --plan runs exactly the saved plan (issue 13, defect 1)', () => {
  it('a migration landing after the review: apply --plan --allow-destructive refuses, writes nothing, exits 1', async () => {
    const { url, d, dir, file } = await reviewed();
    await landR3(dir);
    const before = await snapshot(d);
    // The defect's story: this ran the unreviewed CREATE TABLE audit and the DROP COLUMN, exit 0.
    const story = await runCli(['apply', '-m', dir, '-d', url, '--plan', file, '--allow-destructive']);
    expect(story.code).toBe(1);
    expect(story.stderr).toContain('--allow-destructive (the plan was made without it)');
    expect(story.stderr).toContain('nothing was applied');
    // Without the contradicting flag: the migrations no longer give the reviewed target.
    const plain = await runCli(['apply', '-m', dir, '-d', url, '--plan', file]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('the migrations changed since the plan was made: the plan was made at revision r2, the migrations now end at r3');
    expect(await snapshot(d)).toBe(before);
    expect(await d.query(`SELECT to_regclass('audit') AS t`)).toEqual([{ t: null }]);
  });

  it('unchanged migrations and database: runs exactly the saved statements, with the plan\'s own options', async () => {
    const { url, d, file, json } = await reviewed();
    const saved = JSON.parse(json);
    expect(saved.steps.map((s: { sql: string }) => s.sql)).toEqual([
      'CREATE TABLE IF NOT EXISTS public.customers (\n    id integer NOT NULL,\n    name text,\n    CONSTRAINT customers_pkey PRIMARY KEY (id)\n)',
    ]);
    // No -m: the plan names its migrations folder (relative to the working directory).
    const r = await runCli(['apply', '-d', url, '--plan', path.relative(ROOT, file), '--format', 'json']);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.applied.steps.map((s: { sql: string; transactional: boolean }) => [s.sql, s.transactional]))
      .toEqual(saved.steps.map((s: { sql: string; transactional: boolean }) => [s.sql, s.transactional]));
    expect(out.verified).toBe(true);
    expect(await d.query(`SELECT version_num FROM alembic_version`)).toEqual([{ version_num: 'r2' }]);
    // What ran is what the plan promised: compared with PostgreSQL running the saved SQL itself.
    const oracle = await db();
    await oracle.db.exec(`CREATE TABLE orders (id int PRIMARY KEY, note text); ${saved.steps.map((s: { sql: string }) => s.sql).join(';\n')}`);
    expect(renderStateSql(await introspect(d, {}))).toBe(renderStateSql(await introspect(oracle.db, {})));
  });

  it('refuses when the live schema, or alembic_version, changed after the review', async () => {
    const { url, d, dir, file } = await reviewed();
    await d.exec('ALTER TABLE orders ADD COLUMN extra int');
    const live = await runCli(['apply', '-m', dir, '-d', url, '--plan', file]);
    expect(live.code).toBe(1);
    expect(live.stderr).toContain('the live schema changed since the plan was made');
    await d.exec('ALTER TABLE orders DROP COLUMN extra');
    // Someone ran `alembic stamp`: the schema is the same, the statements apply would add are not.
    await d.exec(`UPDATE alembic_version SET version_num = 'r2'`);
    const stamped = await runCli(['apply', '-m', dir, '-d', url, '--plan', file]);
    expect(stamped.code).toBe(1);
    expect(stamped.stderr).toContain('alembic_version changed since the plan was made');
    expect(await d.query(`SELECT to_regclass('customers') AS t`)).toEqual([{ t: null }]);
  });

  it('refuses options given on the command line that contradict the file, and an older plan format', async () => {
    const { url, dir, file, json } = await reviewed();
    for (const [args, says] of [
      [['--schema', 'other'], '--schema other (the plan was made for every schema)'],
      [['--no-stamp'], '--no-stamp (the plan was made without it)'],
      [['--concurrent-indexes'], '--concurrent-indexes (the plan was made without it)'],
      [['--to', 'r1'], '--to r1 (the plan was made to the heads)'],
      [['--exclude', 'table:audit'], 'the exclusion rules in force'],
    ] as const) {
      const r = await runCli(['apply', '-m', dir, '-d', url, '--plan', file, ...args]);
      expect(r.stderr).toContain(says);
      expect(r.code).toBe(1);
    }
    const old = path.join(dir, 'old.json');
    await writeFile(old, JSON.stringify({ ...JSON.parse(json), version: 1 }));
    const r = await runCli(['apply', '-m', dir, '-d', url, '--plan', old]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('this schema-sync reads version 2: run plan --format json again');
    expect(await runCli(['plan', '-q', '-m', dir, '-d', url]).then((p) => p.code)).toBe(2);
  });

  it('a plan made with --allow-destructive runs its drop without the flag being repeated', async () => {
    const f = await db();
    const dir = await writeHistory([R1, 'ALTER TABLE orders DROP COLUMN note;']);
    await f.db.exec(R1);
    const planned = await runCli(['plan', '-q', '-m', dir, '-d', f.url, '--format', 'json', '--allow-destructive', '--no-stamp']);
    const file = path.join(dir, 'plan.json');
    await writeFile(file, planned.stdout);
    expect(JSON.parse(planned.stdout).options).toMatchObject({ allowDestructive: true, stamp: false });
    const r = await runCli(['apply', '-q', '-m', dir, '-d', f.url, '--plan', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await f.db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'orders' ORDER BY 1`)).toEqual([{ column_name: 'id' }]);
    expect(await f.db.query(`SELECT to_regclass('alembic_version') AS t`)).toEqual([{ t: null }]);
  });
});

describe('the saved plan format', () => {
  const validator = async () => {
    const schema = JSON.parse(await readFile(path.join(ROOT, 'schema/plan.schema.json'), 'utf8'));
    return new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  };

  it('real plans validate against the published JSON Schema (schema/plan.schema.json, shipped in the package)', async () => {
    const validate = await validator();
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('schema');
    // The example history on an empty database: alembic, seeds and data statements filled in.
    const f = await db();
    const full = JSON.parse((await runCli(['plan', '-q', '-d', f.url, '--format', 'json'])).stdout);
    expect(full.alembic.heads.length).toBe(1);
    expect(full.data.seeded.length + full.data.notRun.length).toBeGreaterThan(0);
    // Skipped, unmanaged and drift filled in.
    const g = await db();
    await g.db.exec(`CREATE TYPE mood AS ENUM ('a', 'b', 'c'); CREATE TABLE t (id int, gone int); CREATE TABLE mine (x int);`);
    const dir = await writeHistory([`CREATE TYPE mood AS ENUM ('a', 'b'); CREATE TABLE t (id int, gone int);`, 'ALTER TABLE t DROP COLUMN gone; CREATE INDEX t_id ON t (id);']);
    const other = JSON.parse((await runCli(['plan', '-q', '-m', dir, '-d', g.url, '--format', 'json'])).stdout);
    expect([other.skipped.length, other.unmanaged.length, other.drift.length]).toEqual([1, 1, 1]);
    for (const doc of [full, other]) {
      const ok = validate(doc);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
    // The schema is not vacuous: a step without SQL, or a fingerprint of the wrong shape, fails it.
    expect(validate({ ...other, steps: [{ id: 1, change: 0, transactional: true, description: 'x' }] })).toBe(false);
    expect(validate({ ...other, fingerprints: { live: 'abc', target: other.fingerprints.target } })).toBe(false);
    // Every step says its lock, flags and transaction (issue 13), and the schema checks their values.
    for (const s of [...full.steps, ...other.steps]) expect(Object.keys(s)).toEqual(expect.arrayContaining(['lock', 'rewrite', 'scan', 'dataLoss', 'mayFail', 'transaction']));
    expect(validate({ ...other, steps: [{ ...other.steps[0], lock: 'SHARE LOCK' }] })).toBe(false);
    expect(validate({ ...other, steps: [{ ...other.steps[0], transaction: 'early' }] })).toBe(false);
  });

  it('paths are relative to the working directory, even when --migrations is absolute', async () => {
    const f = await db();
    const dir = await writeHistory([R1]);
    const cwd = path.dirname(dir);
    const j = JSON.parse((await runCli(['plan', '-q', '-m', dir, '-d', f.url, '--format', 'json'], { cwd })).stdout);
    expect(j.options.migrations).toBe(path.basename(dir));
    expect(j.changes[0].origin.file).toBe(path.join(path.basename(dir), '0001_r1.sql'));
    expect(j.changes[0].change.table.origin.file).toBe(path.join(path.basename(dir), '0001_r1.sql'));
    // The target fingerprint leaves provenance out: the same history in another folder has the same one.
    const copy = await writeHistory([`-- a comment moves every line\n${R1}`]);
    const k = JSON.parse((await runCli(['plan', '-q', '-m', copy, '-d', f.url, '--format', 'json'])).stdout);
    expect(k.fingerprints.target).toBe(j.fingerprints.target);
  });
});
