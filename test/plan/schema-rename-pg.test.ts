import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { replay } from '../../src/replay/index.js';
import { introspect } from '../../src/introspect/index.js';
import { plan } from '../../src/plan/index.js';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision, replayedClean } from '../support/converge-with-oracle.js';
import { checkAfterDrift } from '../support/drifted-check.js';
import { refusedLikePostgres } from '../support/refused-like-postgres.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

const { db } = perTestResources();

/**
 * A schema with one of each kind that lives in it (and a table in `public` referring to it),
 * renamed after a table in it was renamed, then changed under its new name. The function body
 * names the old schema and keeps naming it (text to PostgreSQL); it is PL/pgSQL, since a new
 * database could not create a SQL function whose body names a missing table (bodies are checked).
 */
const HISTORY = [
  `CREATE SCHEMA app;
   COMMENT ON SCHEMA app IS 'the app';
   CREATE TYPE app.mood AS ENUM ('sad', 'ok');
   CREATE DOMAIN app.qty AS int CHECK (VALUE > 0);
   CREATE SEQUENCE app.counter;
   CREATE TABLE app.parent (id serial PRIMARY KEY, m app.mood DEFAULT 'ok', n int DEFAULT nextval('app.counter'), q app.qty, CHECK (m <> 'sad'::app.mood));
   CREATE TABLE app.kid (id int PRIMARY KEY, parent_id int REFERENCES app.parent (id));
   CREATE INDEX kid_expr ON app.kid ((parent_id + 1));
   CREATE FUNCTION app.g(x int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x + 1;
   CREATE FUNCTION app.body() RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT count(*) FROM app.parent); END $$;
   CREATE VIEW app.v AS SELECT p.id, app.g(p.id) AS g, p.m FROM app.parent p;
   CREATE TABLE public.uses (id int REFERENCES app.parent (id), m app.mood);
   INSERT INTO app.parent (id, m, q) VALUES (1, 'ok', 5);`,
  `ALTER TABLE app.kid RENAME TO child;
   ALTER SCHEMA app RENAME TO core;
   ALTER TABLE core.parent ADD COLUMN note text;
   CREATE TABLE core.later (id int REFERENCES core.parent (id));
   COMMENT ON TABLE core.child IS 'children';`,
];

describe('ALTER SCHEMA .. RENAME converges (pg_dump oracle)', () => {
  const history = revisionsFromSql('schema_rename', HISTORY);
  convergesFromEachRevision(history, db);

  it('from revision 1: the schema is renamed (not dropped and created), then the renames and changes inside it, keeping the rows', async () => {
    const f = await db();
    await runMigrations(f.db, history.slice(0, 1));
    const live = await introspect(f.db);
    const d = diff(replayedClean(history), live);
    expect(d.changes.filter((c) => c.kind === 'rename').map((c) => c.kind === 'rename' && `${c.object} ${c.from.schema}.${c.from.name} -> ${c.to.schema}.${c.to.name}`)).toEqual([
      'schema app.app -> core.core',
      'table core.kid -> core.child',
    ]);
    // Each cites the statement that made it.
    expect(d.changes.filter((c) => c.kind === 'rename').map((c) => `${c.origin?.revision}:${c.origin?.line}`)).toEqual(['r2:2', 'r2:1']);
    expect(d.changes.some((c) => c.kind === 'drop' || c.kind === 'createSchema' || c.kind === 'createTable' && c.table.name !== 'later')).toBe(false);
    const p = plan(d, live);
    const sql = p.steps.map((s) => s.sql).join('\n');
    expect(sql.indexOf('ALTER SCHEMA app RENAME TO core')).toBeGreaterThan(-1);
    expect(sql.indexOf('ALTER SCHEMA app RENAME TO core')).toBeLessThan(sql.indexOf('RENAME TO child'));
    await apply(f.db, replayedClean(history));
    expect(await f.db.query(`SELECT id, m::text, q, n FROM core.parent`)).toEqual([{ id: 1, m: 'ok', q: 5, n: 1 }]);
    expect(diff(replayedClean(history), await introspect(f.db)).changes).toEqual([]);
  });

  it('check names a schema renamed live while the history kept its name', async () => {
    const f = await db();
    const { check } = await checkAfterDrift(f, HISTORY.slice(0, 1), `ALTER SCHEMA app RENAME TO app_old;`);
    expect(check.stdout).toMatch(/missing\s+schema app\b/);
    expect(check.stdout).toMatch(/app_old/);
  });
});

describe('ALTER SCHEMA .. RENAME refused as PostgreSQL refuses it', () => {
  refusedLikePostgres([
    { name: 'a missing schema', sql: `ALTER SCHEMA nowhere RENAME TO somewhere;`, message: /schema "nowhere" does not exist/ },
    { name: 'a name taken', sql: `CREATE SCHEMA a; CREATE SCHEMA b; ALTER SCHEMA a RENAME TO b;`, message: /schema "b" already exists/ },
    { name: 'a name a system schema has', sql: `CREATE SCHEMA a; ALTER SCHEMA a RENAME TO information_schema;`, message: /schema "information_schema" already exists/ },
    { name: 'the pg_ prefix', sql: `CREATE SCHEMA a; ALTER SCHEMA a RENAME TO pg_mine;`, message: /unacceptable schema name "pg_mine"/ },
  ]);
});

describe('ALTER SCHEMA .. RENAME that replay does not model', () => {
  it('public, or a schema renamed to public, and a system schema: a warning saying why, the state unchanged', () => {
    const r = replay(revisionsFromSql('not_modelled', [
      `CREATE TABLE t (id int);
       ALTER SCHEMA public RENAME TO pub;
       ALTER SCHEMA pg_catalog RENAME TO cat;`,
    ]));
    expect(r.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      'warning: not modelled: ALTER SCHEMA .. RENAME of or to public (unqualified names resolve to public)',
      'warning: not modelled: ALTER SCHEMA pg_catalog RENAME (a system schema: its objects are not modelled)',
    ]);
    expect([...r.state.schemas.keys()]).toEqual(['public']);
    expect([...r.state.tables.keys()]).toEqual(['public.t']);
  });
});
