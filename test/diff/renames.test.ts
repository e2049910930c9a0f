import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { assessed, behind, changesOf, summary } from './replayed-states.js';

describe('diff: renames the history made', () => {
  it('a renamed table is renamed, and what refers to it (FKs, indexes, triggers, serial sequence) needs nothing', () => {
    const { target, live } = behind(
      [
        `CREATE TABLE t (id serial PRIMARY KEY, a int);
         CREATE TABLE c (t_id int REFERENCES t);
         CREATE INDEX t_a ON t (a);
         CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
         CREATE TRIGGER t_f BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();`,
        `ALTER TABLE t RENAME TO u;`,
      ],
      1,
    );
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual(['rename table public.t -> public.u']);
    expect(r.changes[0]).toMatchObject({ safety: 'review', hazards: [] });
    expect(r.changes[0]!.origin).toBeDefined();
    expect(r.unmanaged).toEqual([]);
  });

  it('chained renames a -> b -> c, from any point of the chain', () => {
    const revisions = [`CREATE TABLE a (x int);`, `ALTER TABLE a RENAME TO b;`, `ALTER TABLE b RENAME TO c;`];
    expect(summary(diff(behind(revisions, 1).target, behind(revisions, 1).live))).toEqual(['rename table public.a -> public.c']);
    expect(summary(diff(behind(revisions, 2).target, behind(revisions, 2).live))).toEqual(['rename table public.b -> public.c']);
    expect(summary(diff(behind(revisions, 3).target, behind(revisions, 3).live))).toEqual([]);
  });

  it('a column renamed before and after its table was renamed: one column rename under the new table name', () => {
    const { target, live } = behind(
      [
        `CREATE TABLE t (id int PRIMARY KEY, a int CHECK (a > 0));
         CREATE INDEX t_a ON t (a);
         CREATE TABLE c (t_id int, ta int);
         CREATE UNIQUE INDEX t_id_a ON t (id, a);
         ALTER TABLE t ADD CONSTRAINT t_u UNIQUE (a);
         ALTER TABLE c ADD CONSTRAINT c_fk FOREIGN KEY (ta) REFERENCES t (a);`,
        `ALTER TABLE t RENAME COLUMN a TO b;
         ALTER TABLE t RENAME TO u;
         ALTER TABLE u RENAME COLUMN b TO z;`,
      ],
      1,
    );
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual(['rename table public.t -> public.u', 'rename column public.u.a -> public.u.z']);
  });

  it('RENAME COLUMN a TO b; ADD COLUMN a: the live a is the target b', () => {
    const { target, live } = behind([`CREATE TABLE t (a int);`, `ALTER TABLE t RENAME COLUMN a TO b; ALTER TABLE t ADD COLUMN a text;`], 1);
    expect(summary(diff(target, live))).toEqual(['rename column public.t.a -> public.t.b', 'addColumn public.t.a']);
  });

  it('DROP TABLE users; ALTER TABLE users_new RENAME TO users: drop the old one, rename the new one', () => {
    const { target, live } = behind(
      [
        `CREATE TABLE users (id int);`,
        `CREATE TABLE users_new (id bigint, email text);`,
        `DROP TABLE users; ALTER TABLE users_new RENAME TO users;`,
      ],
      2,
    );
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual(['rename table public.users_new -> public.users', 'drop table public.users (history)']);
  });

  it('a table moved to another schema: one rename; its index and owned sequence move along', () => {
    const { target, live } = behind(
      [`CREATE SCHEMA s; CREATE TABLE t (id serial, a int); CREATE INDEX t_a ON t (a);`, `ALTER TABLE t SET SCHEMA s; ALTER INDEX s.t_a RENAME TO t_a2;`],
      1,
    );
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual(['rename table public.t -> s.t', 'rename index s.t_a -> s.t_a2']);
  });

  it('constraints renamed directly or through their index', () => {
    const { target, live } = behind(
      [
        `CREATE TABLE t (id int PRIMARY KEY, a int CONSTRAINT t_a_check CHECK (a > 0));`,
        `ALTER TABLE t RENAME CONSTRAINT t_a_check TO a_positive; ALTER INDEX t_pkey RENAME TO t_pk;`,
      ],
      1,
    );
    expect(summary(diff(target, live))).toEqual([
      'rename constraint public.t.t_a_check -> public.t.a_positive',
      'rename constraint public.t.t_pkey -> public.t.t_pk',
    ]);
  });

  it('enums: renamed type and label; column types and defaults follow', () => {
    const { target, live } = behind(
      [
        `CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE t (m mood DEFAULT 'ok', ms mood[]);`,
        `ALTER TYPE mood RENAME TO feeling; ALTER TYPE feeling RENAME VALUE 'ok' TO 'fine';`,
      ],
      1,
    );
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual(['rename enum public.mood -> public.feeling', 'rename enum value public.feeling.ok -> public.feeling.fine']);
    expect(r.drift).toEqual([]);
  });

  it('sequences, views, functions and triggers are renamed', () => {
    const { target, live } = behind(
      [
        `CREATE SEQUENCE s; CREATE TABLE t (id int DEFAULT nextval('s'));
         CREATE VIEW v AS SELECT 1 AS one;
         CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
         CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
         CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION g();`,
        `ALTER SEQUENCE s RENAME TO s2; ALTER VIEW v RENAME TO v2; ALTER FUNCTION f() RENAME TO f2; ALTER TRIGGER tr ON t RENAME TO tr2;`,
      ],
      1,
    );
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual([
      'rename sequence public.s -> public.s2',
      'rename view public.v -> public.v2',
      'rename function public.f -> public.f2',
      'rename trigger public.t.tr -> public.t.tr2',
    ]);
  });

  it('a renamed object is still compared: rename, then the attribute change under the new name', () => {
    const { target, live } = behind(
      [`CREATE TABLE t (a int);`, `ALTER TABLE t RENAME TO u; ALTER TABLE u RENAME COLUMN a TO b; ALTER TABLE u ALTER COLUMN b TYPE bigint;`],
      1,
    );
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual(['rename table public.t -> public.u', 'rename column public.u.a -> public.u.b', 'alterColumnType public.u.b']);
  });

  it('without a history event a differently named live object is not a rename', () => {
    const { target: live } = behind([`CREATE TABLE old (a int);`], 1);
    const { target } = behind([`CREATE TABLE new (a int);`], 1);
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual(['createTable public.new']);
    expect(r.unmanaged).toEqual([{ object: 'table', ref: { schema: 'public', name: 'old' } }]);
    expect(changesOf(r, 'rename')).toEqual([]);
  });
});
