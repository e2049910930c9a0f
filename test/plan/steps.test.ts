import { describe, expect, it } from 'vitest';
import type { ConstraintDef } from '../../src/model/objects.js';
import { plan } from '../../src/plan/index.js';
import { ch, check, col, descriptions, diffOf, empty, fk, guarded, index, pk, sequence, table, view } from './fixtures.js';

const users = { schema: 'public', name: 'users' };
const orgs = { schema: 'public', name: 'orgs' };
const orgFk = fk('users_org_id_fkey', ['org_id'], orgs, ['id']);

describe('plan steps', () => {
  it('splits a foreign key on an existing table into ADD .. NOT VALID and VALIDATE', () => {
    const p = plan(diffOf(ch({ kind: 'addConstraint', table: users, constraint: orgFk, newTable: false }, 'review')), empty());
    expect(p.steps).toEqual([
      {
        id: 1,
        change: 0,
        sql:
          "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = 'public.users'::pg_catalog.regclass AND conname = 'users_org_id_fkey')" +
          ' THEN ALTER TABLE public.users ADD CONSTRAINT users_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.orgs (id) NOT VALID; END IF; END $$',
        transactional: true,
        description: 'add constraint public.users.users_org_id_fkey (not valid)',
        // ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE; NOT VALID checks no existing row.
        lock: 'SHARE ROW EXCLUSIVE', rewrite: false, scan: false, dataLoss: false, mayFail: false, transaction: 'in',
      },
      {
        id: 2,
        change: 0,
        sql: 'ALTER TABLE public.users VALIDATE CONSTRAINT users_org_id_fkey',
        transactional: true,
        description: 'validate constraint public.users.users_org_id_fkey',
        // VALIDATE scans under SHARE UPDATE EXCLUSIVE (reads and writes go on) and fails on a dangling row.
        lock: 'SHARE UPDATE EXCLUSIVE', rewrite: false, scan: true, dataLoss: false, mayFail: true, transaction: 'in',
      },
    ]);
  });

  it('splits a CHECK on an existing table too, but not a target NOT VALID one, a primary key, or one on a new table', () => {
    const split = plan(diffOf(ch({ kind: 'addConstraint', table: users, constraint: check('users_age_check', 'age > 0'), newTable: false })), empty());
    expect(split.steps.map((s) => s.sql.replace(/^.* THEN (.*); END IF; END \$\$$/, '$1'))).toEqual([
      'ALTER TABLE public.users ADD CONSTRAINT users_age_check CHECK (age > 0) NOT VALID',
      'ALTER TABLE public.users VALIDATE CONSTRAINT users_age_check',
    ]);
    const one = (constraint: ConstraintDef, newTable: boolean) =>
      plan(diffOf(ch({ kind: 'addConstraint', table: users, constraint, newTable })), empty()).steps;
    expect(one(fk('users_org_id_fkey', ['org_id'], orgs, ['id'], false), false).map((s) => s.description)).toEqual([
      'add constraint public.users.users_org_id_fkey',
    ]);
    expect(one(fk('users_org_id_fkey', ['org_id'], orgs, ['id'], false), false)[0]!.sql).toContain('NOT VALID; END IF');
    expect(one(pk('users_pkey', ['id']), false)).toHaveLength(1);
    expect(one(orgFk, true)).toHaveLength(1);
    expect(one(orgFk, true)[0]!.sql).not.toContain('NOT VALID');
  });

  it('validates a NOT VALID constraint as its own change, after everything else but drops', () => {
    const p = plan(
      diffOf(
        ch({ kind: 'validateConstraint', table: users, constraint: 'users_org_id_fkey' }, 'review'),
        ch({ kind: 'setComment', object: 'table', ref: users, comment: "it's people" }),
        ch({ kind: 'createIndex', index: index('public', 'users_org', 'users', ['org_id']), newTable: false }),
      ),
      empty(),
    );
    expect(p.steps.map((s) => s.sql)).toEqual([
      expect.stringMatching(/^DO .*NOT indisvalid.*DROP INDEX public\.users_org/s),
      'CREATE INDEX IF NOT EXISTS users_org ON public.users (org_id)',
      "COMMENT ON TABLE public.users IS 'it''s people'",
      'ALTER TABLE public.users VALIDATE CONSTRAINT users_org_id_fkey',
    ]);
  });

  it('builds indexes on existing tables concurrently outside the transaction when asked', () => {
    const changes = diffOf(
      ch({ kind: 'createIndex', index: index('public', 'users_org', 'users', ['org_id']), newTable: false }),
      ch({ kind: 'createTable', table: table('public', 'orgs', [col('id', 'integer')]) }),
      ch({ kind: 'createIndex', index: index('public', 'orgs_id', 'orgs', ['id']), newTable: true }),
      ch({ kind: 'setComment', object: 'index', ref: { schema: 'public', name: 'users_org' }, comment: 'by org' }),
      ch({ kind: 'setComment', object: 'table', ref: orgs, comment: 'orgs' }),
    );
    const p = plan(changes, empty(), { concurrentIndexes: true });
    expect(p.steps.map((s) => [s.transactional, s.sql.split(' (')[0]!.split(' ON ')[0]!.slice(0, 60)])).toEqual([
      [true, 'CREATE TABLE IF NOT EXISTS public.orgs'],
      [true, 'CREATE INDEX IF NOT EXISTS orgs_id'],
      [true, 'COMMENT'],
      // after the commit: the leftover cleanup, the build, and the comment that needs the index
      [false, 'DO $$ BEGIN IF EXISTS'],
      [false, 'CREATE INDEX CONCURRENTLY IF NOT EXISTS users_org'],
      [false, 'COMMENT'],
    ]);
    expect(p.steps[5]!.sql).toBe("COMMENT ON INDEX public.users_org IS 'by org'");
    expect(p.steps[3]!.sql).toContain("indexrelid = pg_catalog.to_regclass('public.users_org') AND NOT indisvalid) THEN DROP INDEX public.users_org;");
    const plain = plan(changes, empty());
    expect(plain.steps.every((s) => s.transactional)).toBe(true);
    expect(plain.steps.map((s) => s.sql)).toContain('CREATE INDEX IF NOT EXISTS users_org ON public.users (org_id)');
  });

  it('commits an enum label the plan uses in a first transaction, the statements using it in the main one', () => {
    const mood = { schema: 'public', name: 'mood' };
    const p = plan(
      diffOf(
        ch({ kind: 'addEnumValue', enum: mood, value: 'meh' }),
        ch({ kind: 'setDefault', table: users, column: 'mood', to: "'meh'::public.mood" }),
        ch({ kind: 'createView', view: view('public', 'mehs', "SELECT id FROM users WHERE mood = 'meh'::public.mood"), replace: false }),
        ch({ kind: 'createView', view: view('public', 'meh_count', 'SELECT count(*) FROM mehs'), replace: false }),
        ch({ kind: 'addColumn', table: users, column: col('nick', 'text') }),
      ),
      empty(),
    );
    expect(p.steps.map((s) => [s.transactional, !!s.early, s.description])).toEqual([
      [true, true, "add enum value public.mood 'meh'"],
      [true, false, 'add column public.users.nick'],
      [true, false, 'set default of column public.users.mood'],
      [true, false, 'create view public.mehs'],
      [true, false, 'create view public.meh_count'],
    ]);
  });

  it('prints the idempotent form of every creation', () => {
    const mood = { schema: 'public', name: 'mood', values: ['ok', "it's"] };
    const p = plan(
      diffOf(
        ch({ kind: 'createSchema', schema: { name: 'app' } }),
        ch({ kind: 'createExtension', extension: { name: 'pg_trgm' } }),
        ch({ kind: 'createEnum', enum: mood }),
        ch({ kind: 'createSequence', sequence: sequence('app', 'n') }),
        ch({ kind: 'addColumn', table: users, column: col('mood', 'public.mood', { default: "'ok'::public.mood" }) }),
        ch({ kind: 'createView', view: view('app', 'm', 'SELECT 1 AS one', { materialized: true }), replace: false }),
        ch({ kind: 'createView', view: view('app', 'm2', 'SELECT 2 AS two', { materialized: true }), replace: true }, 'review'),
      ),
      empty(),
    );
    expect(p.steps.map((s) => s.sql)).toEqual([
      'CREATE SCHEMA IF NOT EXISTS app',
      'CREATE EXTENSION IF NOT EXISTS pg_trgm',
      "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typname = 'mood')" +
        " THEN CREATE TYPE public.mood AS ENUM ('ok', 'it''s'); END IF; END $$",
      'CREATE SEQUENCE IF NOT EXISTS app.n AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE',
      "ALTER TABLE public.users ADD COLUMN IF NOT EXISTS mood public.mood DEFAULT 'ok'::public.mood",
      'CREATE MATERIALIZED VIEW IF NOT EXISTS app.m AS SELECT 1 AS one',
      'DROP MATERIALIZED VIEW IF EXISTS app.m2',
      'CREATE MATERIALIZED VIEW IF NOT EXISTS app.m2 AS SELECT 2 AS two',
    ]);
  });

  it('alters columns with plain, already idempotent statements', () => {
    const p = plan(
      diffOf(
        ch({ kind: 'alterColumnType', table: users, column: col('code', 'integer', { collation: undefined }), from: 'text', steps: [{ to: 'integer', using: 'code::integer' }] }, 'review'),
        ch({ kind: 'alterColumnType', table: users, column: col('name', 'text', { collation: '"C"' }), from: 'text', steps: [{ to: 'text' }] }, 'review'),
        ch({ kind: 'setDefault', table: users, column: 'code', to: '0' }),
        ch({ kind: 'setNotNull', table: users, column: 'name', notNull: false }),
        ch({ kind: 'alterIdentity', table: users, column: col('id', 'bigint', { identity: { always: true } }), live: col('id', 'bigint', { identity: { always: false } }) }, 'review'),
        ch({ kind: 'alterIdentity', table: orgs, column: col('id', 'bigint'), live: col('id', 'bigint', { identity: { always: false } }) }, 'review'),
        ch({ kind: 'setGenerated', table: users, column: col('total', 'integer'), live: col('total', 'integer', { generated: 'a + b' }) }, 'destructive'),
        ch({ kind: 'setGenerated', table: orgs, column: col('total', 'integer', { generated: 'a * b' }), live: col('total', 'integer') }, 'destructive'),
      ),
      empty(),
      { allowDestructive: true },
    );
    expect(p.steps.map((s) => guarded(s.sql))).toEqual([
      'ALTER TABLE public.users ALTER COLUMN code TYPE integer USING code::integer',
      'ALTER TABLE public.users ALTER COLUMN name TYPE text COLLATE "C"',
      'ALTER TABLE public.orgs ALTER COLUMN id DROP IDENTITY IF EXISTS',
      'ALTER TABLE public.users ALTER COLUMN id SET GENERATED ALWAYS',
      'ALTER TABLE public.orgs DROP COLUMN IF EXISTS total; ALTER TABLE public.orgs ADD COLUMN IF NOT EXISTS total integer GENERATED ALWAYS AS (a * b) STORED',
      'ALTER TABLE public.users ALTER COLUMN total DROP EXPRESSION IF EXISTS',
      'ALTER TABLE public.users ALTER COLUMN code SET DEFAULT 0',
      'ALTER TABLE public.users ALTER COLUMN name DROP NOT NULL',
    ]);
    // a type change does nothing once the column has the type (a view made later may use it)
    expect(p.steps[0]!.sql).toContain(
      "a.attname = 'code' AND NOT a.attisdropped AND (pg_catalog.format_type(a.atttypid, a.atttypmod) = 'integer' OR (a.atttypid = pg_catalog.to_regtype('integer') AND a.atttypmod < 0))",
    );
    expect(p.steps[1]!.sql).toContain(`a.attcollation = pg_catalog.to_regcollation('"C"')`);
    // a plain column becomes generated only while it is not generated yet
    expect(p.steps[4]!.sql).toContain("attname = 'total' AND NOT attisdropped AND attgenerated = 's')");
  });

  it('makes a generated column plain with what else the target says of it, and retypes generated columns without USING', () => {
    const p = plan(
      diffOf(
        ch({ kind: 'setGenerated', table: users, column: col('total', 'bigint', { notNull: true, default: '0' }), live: col('total', 'integer', { generated: 'a + b' }) }, 'destructive'),
        ch({ kind: 'alterColumnType', table: orgs, column: col('g', 'bigint', { generated: 'id * 2' }), from: 'integer', steps: [{ to: 'bigint' }] }, 'review'),
      ),
      empty(),
      { allowDestructive: true },
    );
    expect(p.steps.map((s) => guarded(s.sql))).toEqual([
      'ALTER TABLE public.orgs ALTER COLUMN g TYPE bigint',
      'ALTER TABLE public.users ALTER COLUMN total DROP EXPRESSION IF EXISTS',
      'ALTER TABLE public.users ALTER COLUMN total TYPE bigint',
      'ALTER TABLE public.users ALTER COLUMN total SET DEFAULT 0',
      'ALTER TABLE public.users ALTER COLUMN total SET NOT NULL',
    ]);
    expect(p.steps.slice(1).every((s) => s.change === 1)).toBe(true);
  });

  it('describes steps by change', () => {
    const p = plan(
      diffOf(
        ch({ kind: 'createTable', table: table('public', 'users', [col('id', 'integer'), col('email', 'text')], [pk('users_pkey', ['id'])]) }),
        ch({ kind: 'addColumn', table: orgs, column: col('email', 'text') }),
        ch({ kind: 'setComment', object: 'column', ref: { schema: 'public', parent: 'users', name: 'email' }, comment: 'login' }),
        ch({ kind: 'drop', object: 'table', ref: { schema: 'public', name: 'old' }, reason: 'history' }, 'destructive'),
      ),
      empty(),
      { allowDestructive: true },
    );
    expect(descriptions(p)).toEqual([
      'create table public.users',
      'add column public.orgs.email',
      'set comment on column public.users.email',
      'drop table public.old',
    ]);
    expect(p.steps.map((s) => s.id)).toEqual([1, 2, 3, 4]);
    expect(p.steps[2]!.sql).toBe("COMMENT ON COLUMN public.users.email IS 'login'");
  });
});
