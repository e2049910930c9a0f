import { readdir, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index.js';
import { introspect } from '../../src/introspect/index.js';
import { loadMigrations } from '../../src/load/index.js';
import { emptyState } from '../../src/model/schema-state.js';
import { renderStateSql } from '../../src/report/state-sql.js';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { runMigrations } from '../support/run-migrations.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();
const HEAD = '0c8e5b7a1d36';
const REV5 = 'e1a04c7f93b8';
/** Alembic's own DDL for its table, verbatim from an `alembic upgrade --sql` preamble (Alembic 1.8). */
const ALEMBIC_DDL = `CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);`;

async function versions(d: Database): Promise<string[]> {
  return (await d.query<{ v: string }>('SELECT version_num AS v FROM alembic_version ORDER BY 1')).map((r) => r.v);
}

/** A database built by running the example history up to `to`, as `alembic upgrade <to>` would, alembic_version included. */
async function databaseAt(to: string): Promise<{ url: string; db: Database; pending: string[] }> {
  const f = await db();
  const all = (await loadMigrations('alembic-versions')).revisions;
  const upTo = (await loadMigrations('alembic-versions', { to })).revisions;
  await runMigrations(f.db, upTo);
  await f.db.exec(`${ALEMBIC_DDL} INSERT INTO alembic_version VALUES ('${to}')`);
  const done = new Set(upTo.map((r) => r.id));
  return { ...f, pending: all.filter((r) => !done.has(r.id)).map((r) => r.id) };
}

describe('alembic_version: where the database stands', () => {
  it('plan and check report the revision alembic_version names and what is pending (text and JSON)', async () => {
    const f = await databaseAt(REV5);
    expect(f.pending).toHaveLength(9);
    const text = await runCli(['plan', '-d', f.url]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`database at revision ${REV5} per alembic_version; 9 revisions pending`);
    expect(text.stdout).toContain(`apply records revision ${HEAD} in alembic_version`);
    const json = JSON.parse((await runCli(['plan', '-d', f.url, '-f', 'json'])).stdout);
    expect(json.alembic).toMatchObject({ current: [REV5], unknown: [], pending: f.pending, heads: [HEAD] });
    const check = await runCli(['check', '-d', f.url]);
    expect(check.stdout).toContain(`database at revision ${REV5} per alembic_version; 9 revisions pending`);
    const checkJson = JSON.parse((await runCli(['check', '-d', f.url, '-f', 'json'])).stdout);
    expect(checkJson.alembic.pending).toEqual(f.pending);
  });

  it('a revision the history does not have is reported and never overwritten', async () => {
    const f = await databaseAt(REV5);
    await f.db.exec(`UPDATE alembic_version SET version_num = 'ffffffffffff'`);
    const r = await runCli(['plan', '-d', f.url]);
    expect(r.stdout).toContain('alembic_version names ffffffffffff, which is not a revision of this history');
    expect(r.stdout).toContain('alembic_version is not updated: alembic_version names ffffffffffff');
    const applied = await runCli(['apply', '-d', f.url]);
    expect(applied.code).toBe(0);
    expect(await versions(f.db)).toEqual(['ffffffffffff']);
  });
});

describe('alembic_version: apply records the revision it applied', () => {
  it('from revision 5 to head: the row names the head, in Alembic\'s table, and Alembic-built and schema-sync-built tables match', async () => {
    const f = await databaseAt(REV5);
    const r = await runCli(['apply', '-d', f.url]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`✓ Recorded revision ${HEAD} in alembic_version.`);
    expect(await versions(f.db)).toEqual([HEAD]);
    const again = await runCli(['plan', '-d', f.url]);
    // Nothing to apply, but the history's drop of sessions is skipped: not in sync (the verdict table).
    expect(again.stdout).toContain('Nothing to do: the database has everything the migrations describe (1 skipped).');
    expect(again.code).toBe(2);
    expect(again.stdout).toContain(`database at revision ${HEAD} per alembic_version; no revision pending`);
  });

  it('creates the table when missing, with the shape Alembic itself creates (compared with Alembic\'s DDL run by PostgreSQL)', async () => {
    const f = await db();
    const r = await runCli(['apply', '-d', f.url, '--to', REV5]);
    expect(r.code).toBe(0);
    expect(await versions(f.db)).toEqual([REV5]);
    const oracle = await db();
    await oracle.db.exec(ALEMBIC_DDL);
    const shape = async (d: Database): Promise<string> => {
      const s = await introspect(d, { includeAlembicVersion: true });
      return renderStateSql({ ...emptyState(), tables: new Map([...s.tables].filter(([, t]) => t.name === 'alembic_version')) });
    };
    expect(await shape(f.db)).toBe(await shape(oracle.db));
    expect(await shape(f.db)).toContain('alembic_version_pkc');
    // Forward again from there: the row moves, one row per head.
    expect((await runCli(['apply', '-d', f.url])).code).toBe(0);
    expect(await versions(f.db)).toEqual([HEAD]);
  });

  it('--no-stamp leaves alembic_version alone, and the plan says so', async () => {
    const f = await db();
    const plan = await runCli(['plan', '-d', f.url, '--no-stamp']);
    expect(plan.stdout).toContain('alembic_version is not updated: disabled (--no-stamp)');
    expect((await runCli(['apply', '-d', f.url, '--no-stamp'])).code).toBe(0);
    expect(await f.db.query(`SELECT to_regclass('alembic_version') AS t`)).toEqual([{ t: null }]);
  });

  it('records nothing for a folder of plain numbered files (no revision ids to record)', async () => {
    const f = await db();
    const dir = await writeHistory([`CREATE TABLE t (id int PRIMARY KEY);`]);
    for (const name of await readdir(dir)) {
      await writeFile(`${dir}/${name}`, (await readFile(`${dir}/${name}`, 'utf8')).replace(/^-- (down_)?revision:.*\n/gm, ''));
    }
    const r = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('alembic_version');
    expect(await f.db.query(`SELECT to_regclass('alembic_version') AS t`)).toEqual([{ t: null }]);
  });
});
