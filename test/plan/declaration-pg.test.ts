import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import type { SchemaState } from '../../src/model/schema-state.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { referenceDump } from '../support/pg-dump/reference-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

/** What the migrations declare. */
const DECLARED = `CREATE TABLE keep (id int PRIMARY KEY, name text);`;

/**
 * What the live database has beyond it, of every kind: a schema with a table, an enum, a
 * sequence, a table using the enum with an index, a view over it (it must go before the table),
 * a trigger function and its trigger on the declared table, and a column, index and constraint
 * of the declared table.
 */
const UNDECLARED = `
  CREATE SCHEMA extra;
  CREATE TABLE extra.t (id int);
  CREATE TYPE mood AS ENUM ('ok', 'sad');
  CREATE SEQUENCE counter;
  CREATE TABLE gone (id int PRIMARY KEY, m mood, keep_id int REFERENCES keep);
  CREATE INDEX gone_m ON gone (m);
  CREATE VIEW gone_v AS SELECT id, m FROM gone;
  CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
  CREATE TRIGGER keep_touch BEFORE INSERT ON keep FOR EACH ROW EXECUTE FUNCTION touch();
  ALTER TABLE keep ADD COLUMN note text;
  CREATE INDEX keep_name ON keep (name);
  ALTER TABLE keep ADD CONSTRAINT keep_name_set CHECK (name <> '');`;

function target(sql: string): SchemaState {
  const r = replay(revisionsFromSql('declared', [sql]));
  expect(r.diagnostics).toEqual([]);
  return r.state;
}

describe('--declaration: live objects the migrations do not declare are dropped (pg_dump oracle)', () => {
  let fresh: FreshDatabase | undefined;
  let declared: string;
  beforeAll(async () => {
    declared = await referenceDump(revisionsFromSql('declared', [DECLARED]));
  });
  afterEach(async () => {
    await fresh?.drop();
    fresh = undefined;
  });

  async function liveWithExtras(): Promise<FreshDatabase> {
    fresh = await freshDatabase();
    await runMigrations(fresh.db, revisionsFromSql('live', [DECLARED, UNDECLARED]));
    return fresh;
  }

  it('with --allow-destructive: the database equals one built from the migrations, dependants dropped first', async () => {
    const f = await liveWithExtras();
    const result = await apply(f.db, target(DECLARED), { declaration: true, allowDestructive: true });
    expect(result.plan.skipped).toEqual([]);
    expect(result.plan.unmanaged).toEqual([]);
    expect(dumpDifference(declared, await pgDumpSchema(f.url), ['built from the migrations', 'converged']) ?? 'same pg_dump').toBe('same pg_dump');
    expect(result.remaining.steps).toEqual([]);
    const sql = result.plan.steps.map((s) => s.sql);
    const at = (re: RegExp): number => sql.findIndex((s) => re.test(s));
    expect(at(/DROP VIEW .*gone_v/)).toBeGreaterThanOrEqual(0);
    expect(at(/DROP VIEW .*gone_v/)).toBeLessThan(at(/DROP TABLE .*"?gone"?\b/));
    expect(at(/DROP TABLE .*"?gone"?\b/)).toBeLessThan(at(/DROP TYPE .*mood/));
    expect(at(/DROP TRIGGER .*keep_touch/)).toBeLessThan(at(/DROP FUNCTION .*touch/));
    expect(at(/DROP TABLE .*extra/)).toBeLessThan(at(/DROP SCHEMA .*extra/));
    const drops = result.plan.changes.filter((c) => c.kind === 'drop');
    expect(drops.every((c) => c.kind === 'drop' && c.reason === 'undeclared')).toBe(true);
  });

  it('without --allow-destructive: data-losing drops are skipped, the rest of the plan runs', async () => {
    const f = await liveWithExtras();
    const result = await apply(f.db, target(DECLARED), { declaration: true });
    const skipped = result.plan.skipped.map((c) => (c.kind === 'drop' ? `${c.object} ${c.ref.name}` : c.kind));
    expect(skipped).toEqual(expect.arrayContaining(['table gone', 'column note', 'view gone_v', 'function touch', 'enum mood', 'sequence counter']));
    expect(result.plan.unmanaged).toEqual([]);
    const dump = await pgDumpSchema(f.url);
    expect(dump).toMatch(/CREATE TABLE public\.gone\b/);
    expect(dump).toMatch(/note text/);
  });

  it('without --declaration (an Alembic history): the same objects are unmanaged and left alone', async () => {
    const f = await liveWithExtras();
    const before = await pgDumpSchema(f.url);
    const result = await apply(f.db, target(DECLARED), { allowDestructive: true });
    expect(result.appliedSteps).toBe(0);
    expect(dumpDifference(before, await pgDumpSchema(f.url)) ?? 'unchanged').toBe('unchanged');
    const unmanaged = result.plan.unmanaged.map((u) => `${u.object} ${u.ref.name}`);
    expect(unmanaged).toEqual(expect.arrayContaining(['table gone', 'view gone_v', 'function touch', 'enum mood', 'sequence counter', 'index keep_name', 'column note', 'trigger keep_touch', 'schema extra']));
  });
});

describe('--declaration never drops what the database itself owns', () => {
  const live = target(`CREATE EXTENSION pgcrypto; CREATE SCHEMA app; CREATE TABLE app.t (id int);`);
  const kinds = (opts: Parameters<typeof diff>[2]): string[] =>
    diff(onlyApp(target('CREATE SCHEMA app;')), live, opts).changes.map((c) => (c.kind === 'drop' ? `drop ${c.object} ${c.ref.name}` : c.kind));

  /** A target without `public` (its migrations dropped it, or scope left it out): public still stays. */
  function onlyApp(s: SchemaState): SchemaState {
    return { ...s, schemas: new Map([...s.schemas].filter(([k]) => k !== 'public')) };
  }

  it('keeps public, drops an undeclared extension of the whole database', () => {
    expect(kinds({ declaration: true })).toEqual(expect.arrayContaining(['drop table t', 'drop extension pgcrypto']));
    expect(kinds({ declaration: true })).not.toContain('drop schema public');
  });

  it('with --schema, extensions (database-wide) are left alone', () => {
    expect(kinds({ declaration: true, schemas: ['app'] })).not.toContain('drop extension pgcrypto');
    expect(diff(onlyApp(target('CREATE SCHEMA app;')), live, { declaration: true, schemas: ['app'] }).unmanaged).toContainEqual({ object: 'extension', ref: expect.objectContaining({ name: 'pgcrypto' }) });
  });
});
