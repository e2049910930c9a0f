import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { assessed, behind, changesOf, replaySql, summary } from './replayed-states.js';

describe('diff: live objects the target lacks', () => {
  it('what the history dropped is a pending drop; anything else is unmanaged, never a change', () => {
    const { target, live: behindLive } = behind(
      [
        `CREATE TABLE t (a int, b int); CREATE TABLE gone (x int); CREATE INDEX t_a ON t (a);
         CREATE SEQUENCE sq; CREATE VIEW v AS SELECT 1 AS one; CREATE TYPE e AS ENUM ('x');
         CREATE FUNCTION fn(x int) RETURNS int LANGUAGE sql AS 'SELECT x';`,
        `DROP TABLE gone; ALTER TABLE t DROP COLUMN b; DROP INDEX t_a; DROP SEQUENCE sq; DROP VIEW v; DROP TYPE e; DROP FUNCTION fn(int);`,
      ],
      1,
    );
    const extra = replaySql([
      `CREATE TABLE t (a int, b int, mine int); CREATE TABLE gone (x int); CREATE INDEX t_a ON t (a);
       CREATE SEQUENCE sq; CREATE VIEW v AS SELECT 1 AS one; CREATE TYPE e AS ENUM ('x');
       CREATE FUNCTION fn(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
       CREATE TABLE stray (id int PRIMARY KEY); CREATE INDEX stray_i ON stray (id); CREATE INDEX t_mine ON t (mine);
       CREATE SEQUENCE stray_seq;`,
    ]);
    expect(summary(diff(target, behindLive))).toEqual(summary(diff(target, extra)));
    const r = assessed(diff(target, extra), extra);
    expect(summary(r)).toEqual([
      'drop enum public.e (history)',
      'drop sequence public.sq (history)',
      'drop table public.gone (history)',
      'drop column public.t.b (history)',
      'drop index public.t_a (history)',
      'drop view public.v (history)',
      'drop function public.fn (history)',
    ]);
    // An index takes no rows with it: review; the rest are destructive.
    expect(r.changes.map((c) => c.safety)).toEqual(['destructive', 'destructive', 'destructive', 'destructive', 'review', 'destructive', 'destructive']);
    expect(changesOf(r, 'drop').map((c) => [c.ref.name, c.hazards.join()])).toEqual([
      ['e', ''], ['sq', ''], ['gone', 'data loss'], ['b', 'data loss'], ['t_a', ''], ['v', ''], ['fn', ''],
    ]);
    expect(changesOf(r, 'drop').find((c) => c.object === 'function')!.args).toBe('integer');
    expect(changesOf(r, 'drop').every((c) => c.origin?.file === 'diff/r2.sql')).toBe(true);
    expect(r.unmanaged).toEqual([
      { object: 'sequence', ref: { schema: 'public', name: 'stray_seq' } },
      { object: 'table', ref: { schema: 'public', name: 'stray' } },
      { object: 'column', ref: { schema: 'public', name: 'mine', parent: 't' } },
      { object: 'index', ref: { schema: 'public', name: 't_mine' } },
    ]);
  });

  it('a dropped table takes its columns, constraints, indexes, triggers and sequences along: one drop', () => {
    const { target, live } = behind(
      [
        `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
         CREATE TABLE t (id serial PRIMARY KEY, n int GENERATED ALWAYS AS IDENTITY, a int UNIQUE CHECK (a > 0));
         CREATE INDEX t_a ON t (a);
         CREATE TRIGGER t_f BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();`,
        `DROP TABLE t;`,
      ],
      1,
    );
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual(['drop table public.t (history)']);
    expect(r.unmanaged).toEqual([]);
  });

  it('a dropped column takes the indexes and constraints on it along', () => {
    const { target, live } = behind(
      [`CREATE TABLE t (a int, b int UNIQUE CHECK (b > 0)); CREATE INDEX t_ab ON t (a, b);`, `ALTER TABLE t DROP COLUMN b;`],
      1,
    );
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual(['drop column public.t.b (history)']);
    expect(r.unmanaged).toEqual([]);
  });

  it('an FK elsewhere on a dropped table is dropped too (DROP .. CASCADE took it in the history)', () => {
    const { target, live } = behind(
      [`CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p_id int REFERENCES p);`, `DROP TABLE p CASCADE;`],
      1,
    );
    expect(summary(diff(target, live))).toEqual(['drop constraint public.c.c_p_id_fkey (history)', 'drop table public.p (history)']);
  });

  it('a trigger whose function the history dropped with CASCADE is dropped', () => {
    const { target, live } = behind(
      [
        `CREATE TABLE t (a int);
         CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
         CREATE TRIGGER t_f BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();`,
        `DROP FUNCTION f() CASCADE;`,
      ],
      1,
    );
    expect(summary(diff(target, live))).toEqual(['drop function public.f (history)', 'drop trigger public.t.t_f (history)']);
  });

  it('an object renamed and then dropped is dropped under the name the live database has', () => {
    const { target, live } = behind([`CREATE TABLE a (x int);`, `ALTER TABLE a RENAME TO b; ALTER TABLE b RENAME COLUMN x TO y;`, `DROP TABLE b;`], 1);
    expect(summary(diff(target, live))).toEqual(['drop table public.a (history)']);
    const cols = behind([`CREATE TABLE t (x int, k int);`, `ALTER TABLE t RENAME COLUMN x TO y; ALTER TABLE t RENAME TO u;`, `ALTER TABLE u DROP COLUMN y;`], 1);
    expect(summary(diff(cols.target, cols.live))).toEqual(['rename table public.t -> public.u', 'drop column public.u.x (history)']);
  });

  it('DROP TYPE .. CASCADE: the columns of that type are dropped with it', () => {
    const { target, live } = behind([`CREATE TYPE e AS ENUM ('x'); CREATE TABLE t (a int, e e);`, `DROP TYPE e CASCADE;`], 1);
    expect(summary(diff(target, live))).toEqual(['drop enum public.e (history)', 'drop column public.t.e (history)']);
  });

  it('a dropped schema: its objects are dropped with it', () => {
    const { target, live } = behind([`CREATE SCHEMA s; CREATE TABLE s.t (a int); CREATE TYPE s.e AS ENUM ('x');`, `DROP SCHEMA s CASCADE;`], 1);
    expect(summary(diff(target, live))).toEqual(['drop schema s.s (history)', 'drop enum s.e (history)', 'drop table s.t (history)']);
  });

  it('a table dropped and re-created by the history is compared, its old parts dropped with the history drop', () => {
    // The table itself is kept (rows survive); its columns the new table lacks went with the
    // history's DROP TABLE, so they are history drops (destructive: only with --allow-destructive).
    const { target, live } = behind([`CREATE TABLE t (a int);`, `DROP TABLE t; CREATE TABLE t (b text);`], 1);
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual(['addColumn public.t.b', 'drop column public.t.a (history)']);
    expect(r.changes[1]).toMatchObject({ kind: 'drop', object: 'column', reason: 'history', safety: 'destructive' });
    expect(r.unmanaged).toEqual([]);
  });
});
