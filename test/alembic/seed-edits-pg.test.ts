import { describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';
import { listed, planWithHistory } from './history-data.js';
import { seedRowsFromEveryRevision } from './seed-oracle.js';

const { db } = perTestResources();

describe('seed rows: later UPDATEs and DELETEs of seeded rows (the rows PostgreSQL has after the history)', () => {
  it('a row inserted then deleted is gone, an updated row has its new values, a row re-seeded ON CONFLICT DO NOTHING after its DELETE is back, from every revision', async () => {
    const history = [
      `CREATE TABLE roles (name text PRIMARY KEY, label text NOT NULL);`,
      `INSERT INTO roles (name, label) VALUES ('admin', 'Admin'), ('guest', 'Guest'), ('editor', 'Editor');
       CREATE TABLE flags (key text PRIMARY KEY, enabled boolean NOT NULL DEFAULT false);
       INSERT INTO flags (key) VALUES ('beta'), ('dark') ON CONFLICT DO NOTHING;`,
      `UPDATE roles SET label = 'Administrator' WHERE name = 'admin';
       ALTER TABLE roles ADD COLUMN rank int NOT NULL DEFAULT 0;
       UPDATE roles SET rank = 10 WHERE roles.name IN ('admin', 'editor');`,
      `CREATE TABLE members (id int PRIMARY KEY, role text NOT NULL REFERENCES roles (name));
       INSERT INTO members VALUES (1, 'editor');`,
      `DELETE FROM roles WHERE name = 'guest';
       DELETE FROM flags WHERE key = 'beta';
       UPDATE flags SET enabled = true WHERE key = 'dark';`,
      `INSERT INTO flags (key, enabled) VALUES ('beta', true) ON CONFLICT DO NOTHING;
       INSERT INTO flags (key) VALUES ('dark') ON CONFLICT DO NOTHING;
       INSERT INTO roles (name, label) VALUES ('editor', 'Other') ON CONFLICT DO NOTHING;`,
      `ALTER TABLE flags ADD COLUMN note text;`,
    ];
    const notRun = await seedRowsFromEveryRevision(db, history, ['roles', 'flags', 'members']);
    // From an empty database every data statement runs with the seeds: none is left to do by hand.
    expect(notRun[0]).toEqual([]);
    // At revision 1 the apply creates flags (its rows compared above) but not roles, whose rows it leaves alone and lists.
    expect(notRun[1]!.filter((x) => x.includes('flags'))).toEqual([]);
    expect(notRun[1]!.filter((x) => x.includes('roles'))).toEqual(['INSERT public.roles 4', 'UPDATE public.roles 4', 'UPDATE public.roles 6', 'DELETE public.roles 4', 'INSERT public.roles 6']);
  }, 300_000);

  it('a DELETE or UPDATE whose effect on the seeded rows is not modelled is not run, is listed with why, and counts for --strict', async () => {
    const dir = await writeHistory([
      `CREATE TABLE roles (name text PRIMARY KEY, label text NOT NULL, note text);
       CREATE TABLE banned (name text);
       INSERT INTO roles (name, label) VALUES ('admin', 'Admin'), ('guest', 'Guest');`,
      `DELETE FROM roles WHERE name IN (SELECT name FROM banned);
       DELETE FROM roles r USING roles o WHERE r.name = 'guest' AND o.name = 'admin';
       UPDATE roles SET note = 'x' WHERE name = 'admin';
       UPDATE roles SET label = upper(label) WHERE name = 'admin';`,
      `ALTER TABLE roles DROP COLUMN note;`,
    ]);
    const f = await db();
    const p = await planWithHistory(f.db, dir);
    expect(listed(p).seeded).toEqual([`${dir}/0001_r1.sql:6`, `${dir}/0002_r2.sql:7`]);
    const why = p.data!.notRun.map((n) => [n.statement.origin.line, n.effect, n.notSeeded]);
    expect(why).toEqual([
      [4, 'rows', expect.stringMatching(/effect on the seeded rows is not modelled: it reads other rows or tables/)],
      [5, 'rows', expect.stringMatching(/effect on the seeded rows is not modelled: it reads other rows or tables/)],
      [6, 'rows', expect.stringMatching(/effect on the seeded rows is not modelled: column note is renamed, dropped or changes type later/)],
    ]);
    const r = await runCli(['apply', '-m', dir, '-d', f.url, '--strict']);
    expect(r.stdout).toContain('not run with the seed rows: its effect on the seeded rows is not modelled');
    expect(r.stdout).toContain('ℹ seed rows: 1 INSERT and 1 UPDATE of the history run right after the table public.roles is created');
    expect(r.stderr).toContain(`update seeded rows of public.roles (${dir}/0002_r2.sql:7)`);
    expect(r.code).toBe(3);
    // The history deletes guest (USING); schema-sync keeps it and said so above.
    expect(await f.db.query('SELECT name, label FROM roles ORDER BY name')).toEqual([{ name: 'admin', label: 'ADMIN' }, { name: 'guest', label: 'Guest' }]);
  });

  it('an INSERT whose row PostgreSQL would store otherwise now (NULL in a column made NOT NULL later, a default changed later) is not seeded, and says why', async () => {
    const history = [
      `CREATE TABLE plans (name text PRIMARY KEY, label text, price int DEFAULT 0);
       INSERT INTO plans (name, label) VALUES ('free', NULL);
       INSERT INTO plans (name, label) VALUES ('pro', 'Pro');`,
      `UPDATE plans SET label = 'Free' WHERE name = 'free';
       UPDATE plans SET label = 'Pro' WHERE name = 'pro';
       ALTER TABLE plans ALTER COLUMN label SET NOT NULL;
       ALTER TABLE plans ALTER COLUMN price SET DEFAULT 10;`,
    ];
    // From an empty database only: at revision 1 the apply's SET NOT NULL fails on the rows the backfill has not filled (as documented).
    const notRun = await seedRowsFromEveryRevision(db, history, ['plans'], 1);
    // The UPDATEs are listed as changing no row: nothing was seeded into the table.
    expect(notRun[0]).toEqual(['INSERT public.plans 5', 'INSERT public.plans 6', 'UPDATE public.plans 4', 'UPDATE public.plans 5']);
    const f = await db();
    const p = await planWithHistory(f.db, await writeHistory(history));
    expect(p.data!.notRun.map((n) => n.effect)).toEqual(['rows', 'rows', 'none', 'none']);
    expect(p.data!.notRun.slice(0, 2).map((n) => n.notSeeded)).toEqual([
      'a row gives NULL to label, which is NOT NULL in the target (the history fills it later)',
      'the default of column price changes later in the history, and the INSERT leaves the column to it',
    ]);
  });

  it('an INSERT or UPDATE a trigger of the table fired on in the history is not run with the seeds (the trigger is created after them), and says why', async () => {
    const history = [
      `CREATE TABLE tags (name text PRIMARY KEY, slug text);
       INSERT INTO tags (name) VALUES ('Early');
       CREATE FUNCTION slugify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.slug := lower(NEW.name); RETURN NEW; END $$;
       CREATE TRIGGER tags_slug BEFORE INSERT OR UPDATE ON tags FOR EACH ROW EXECUTE FUNCTION slugify();
       INSERT INTO tags (name) VALUES ('Late');
       UPDATE tags SET name = 'Earliest' WHERE name = 'Early';`,
    ];
    const notRun = await seedRowsFromEveryRevision(db, history, ['tags'], 1);
    expect(notRun[0]).toEqual(['INSERT public.tags 8', 'UPDATE public.tags 9']);
    const f = await db();
    const p = await planWithHistory(f.db, await writeHistory(history));
    expect(p.data!.notRun.map((n) => n.notSeeded)).toEqual([
      'trigger tags_slug of the table fired on it in the history, and its effect is not modelled',
      'its effect on the seeded rows is not modelled: trigger tags_slug of the table fired on it in the history, and its effect is not modelled',
    ]);
  });

  it('an UPDATE before the first seed row of its table changes no row (it does not count for --strict); one after it runs', async () => {
    const dir = await writeHistory([
      `CREATE TABLE roles (name text PRIMARY KEY, label text);
       UPDATE roles SET label = 'x';
       INSERT INTO roles (name) VALUES ('admin');
       UPDATE roles SET label = 'y';`,
    ]);
    const f = await db();
    const p = await planWithHistory(f.db, dir);
    expect(listed(p).seeded).toEqual([`${dir}/0001_r1.sql:6`, `${dir}/0001_r1.sql:7`]);
    expect(p.data!.notRun.map((n) => [n.statement.origin.line, n.effect])).toEqual([[5, 'none']]);
    const r = await runCli(['apply', '-m', dir, '-d', f.url, '--strict']);
    expect(r.stdout).toContain('no rows to change');
    expect(r.code).toBe(0);
    expect(await f.db.query('SELECT name, label FROM roles')).toEqual([{ name: 'admin', label: 'y' }]);
  });

  it('a DELETE on a table whose seeded referencing rows PostgreSQL would cascade to is not run, and says so', async () => {
    const dir = await writeHistory([
      `CREATE TABLE roles (name text PRIMARY KEY);
       CREATE TABLE members (id int PRIMARY KEY, role text REFERENCES roles (name) ON DELETE CASCADE);
       INSERT INTO roles VALUES ('guest'), ('admin');
       INSERT INTO members VALUES (1, 'guest'), (2, 'admin');
       DELETE FROM roles WHERE name = 'guest';`,
    ]);
    const f = await db();
    const p = await planWithHistory(f.db, dir);
    expect(p.data!.notRun.map((n) => [n.statement.origin.line, n.notSeeded])).toEqual([
      [8, expect.stringMatching(/rows of public\.members seeded before it reference public\.roles ON DELETE CASCADE/)],
    ]);
    expect((await runCli(['apply', '-m', dir, '-d', f.url])).code).toBe(0);
  });
});
