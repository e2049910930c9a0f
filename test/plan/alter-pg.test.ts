import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspect } from '../../src/introspect/index.js';
import { fingerprint, plan } from '../../src/plan/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { ch, check, col, diffOf, fk, index, view } from './fixtures.js';
import { runPlan } from './run-plan.js';

const users = { schema: 'public', name: 'users' };
const people = { schema: 'app', name: 'people' };

const SETUP = `
  CREATE SCHEMA app;
  CREATE TYPE public.mood AS ENUM ('ok', 'sad');
  CREATE TABLE public.orgs (id integer PRIMARY KEY);
  INSERT INTO public.orgs VALUES (1);
  CREATE TABLE public.users (
    id integer NOT NULL, first text, code text, org_id integer, total integer GENERATED ALWAYS AS (id * 2) STORED,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_first_check CHECK (first <> '') NOT VALID
  );
  INSERT INTO public.users (id, first, code, org_id) VALUES (1, 'ann', '7', 1);
  CREATE INDEX users_first_idx ON public.users (first);
  CREATE VIEW public.user_firsts AS SELECT id, first FROM public.users;
  CREATE TABLE public.people_old (nm text, CONSTRAINT people_old_nm_key UNIQUE (nm));
  CREATE TABLE public.old_a (id integer PRIMARY KEY, b_id integer);
  CREATE TABLE public.old_b (id integer PRIMARY KEY, a_id integer REFERENCES public.old_a);
  ALTER TABLE public.old_a ADD FOREIGN KEY (b_id) REFERENCES public.old_b;
  CREATE FUNCTION public.old_fn() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
  CREATE TRIGGER old_trg BEFORE INSERT ON public.old_a FOR EACH ROW EXECUTE FUNCTION public.old_fn();
`;

describe('plans against an existing PostgreSQL database', () => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase();
    await fresh.db.exec(SETUP);
  });
  afterAll(async () => {
    await fresh?.drop();
  });
  const rows = <T>(sql: string, params: unknown[] = []) => fresh.db.query<T>(sql, params);

  it('renames, alters, adds and drops, and a second run changes nothing', async () => {
    const live = await introspect(fresh.db);
    const h = (object: 'table' | 'view' | 'function' | 'trigger', schema: string, name: string, parent?: string) =>
      ch({ kind: 'drop', object, ref: { schema, name, ...(parent ? { parent } : {}) }, reason: 'history' }, 'destructive');
    const diff = diffOf(
      ch({ kind: 'rename', object: 'table', from: { schema: 'public', name: 'people_old' }, to: people }),
      ch({ kind: 'rename', object: 'column', from: { ...people, parent: 'people', name: 'nm' }, to: { ...people, parent: 'people', name: 'name' } }),
      ch({ kind: 'rename', object: 'constraint', from: { ...people, parent: 'people', name: 'people_old_nm_key' }, to: { ...people, parent: 'people', name: 'people_name_key' } }),
      ch({ kind: 'rename', object: 'index', from: { schema: 'public', name: 'users_first_idx' }, to: { schema: 'public', name: 'users_first' } }),
      ch({ kind: 'rename', object: 'enum value', from: { schema: 'public', parent: 'mood', name: 'sad' }, to: { schema: 'public', parent: 'mood', name: 'unhappy' } }),
      ch({ kind: 'rename', object: 'function', from: { schema: 'public', name: 'old_fn' }, to: { schema: 'public', name: 'new_fn' } }),
      ch({ kind: 'addColumn', table: users, column: col('email', 'text') }),
      ch({ kind: 'alterColumnType', table: users, column: col('code', 'integer'), from: 'text', steps: [{ to: 'integer', using: 'code::integer' }] }, 'review'),
      ch({ kind: 'alterColumnType', table: users, column: col('first', 'character varying(200)'), from: 'text', steps: [{ to: 'character varying(200)' }] }, 'review'),
      ch({ kind: 'setDefault', table: users, column: 'code', to: '0' }),
      ch({ kind: 'setNotNull', table: users, column: 'first', notNull: true }, 'review'),
      ch({ kind: 'alterIdentity', table: users, column: col('id', 'integer', { notNull: true, identity: { always: false } }), live: col('id', 'integer', { notNull: true }) }, 'review'),
      ch({ kind: 'setGenerated', table: users, column: col('total', 'integer'), live: col('total', 'integer', { generated: 'id * 2' }) }, 'destructive'),
      ch({ kind: 'addConstraint', table: users, constraint: fk('users_org_id_fkey', ['org_id'], { schema: 'public', name: 'orgs' }, ['id']), newTable: false }, 'review'),
      ch({ kind: 'addConstraint', table: users, constraint: check('users_code_check', 'code >= 0'), newTable: false }, 'review'),
      ch({ kind: 'validateConstraint', table: users, constraint: 'users_first_check' }, 'review'),
      ch({ kind: 'createIndex', index: index('public', 'users_email', 'users', ['email']), newTable: false }),
      ch({ kind: 'createView', view: view('public', 'user_codes', 'SELECT id, code FROM public.users'), replace: false }),
      h('view', 'public', 'user_firsts'),
      h('trigger', 'public', 'old_trg', 'old_a'),
      h('table', 'public', 'old_a'),
      h('table', 'public', 'old_b'),
    );
    const p = plan(diff, live, { allowDestructive: true, concurrentIndexes: true });
    expect(p.steps.filter((s) => !s.transactional).map((s) => s.description)).toEqual([
      'drop invalid leftover of index public.users_email',
      'create index public.users_email',
    ]);
    await runPlan(fresh.db, p);
    const once = await introspect(fresh.db);
    await runPlan(fresh.db, p);
    expect(fingerprint(await introspect(fresh.db))).toBe(fingerprint(once));

    expect(await rows(`select relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'v') order by 1`)).toEqual([
      { relname: 'orgs' }, { relname: 'user_codes' }, { relname: 'users' },
    ]);
    expect(once.tables.get('app.people')).toMatchObject({ columns: [{ name: 'name' }], constraints: [{ name: 'people_name_key' }] });
    expect(once.indexes.has('public.users_first')).toBe(true);
    expect(once.enums.get('public.mood')?.values).toEqual(['ok', 'unhappy']);
    expect([...once.functions.keys()]).toEqual(['public.new_fn()']);
    expect(once.tables.get('public.users')?.columns).toMatchObject([
      { name: 'id', type: 'integer', notNull: true, identity: { always: false } },
      { name: 'first', type: 'character varying(200)', notNull: true },
      { name: 'code', type: 'integer', default: '0' },
      { name: 'org_id', type: 'integer' },
      { name: 'total', type: 'integer' },
      { name: 'email', type: 'text' },
    ]);
    expect(once.tables.get('public.users')?.columns.find((c) => c.name === 'total')?.generated).toBeUndefined();
    const cons = await rows<{ conname: string; convalidated: boolean }>(`select conname, convalidated from pg_constraint where conrelid = 'public.users'::regclass order by 1`);
    expect(cons).toEqual([
      { conname: 'users_code_check', convalidated: true },
      { conname: 'users_first_check', convalidated: true },
      { conname: 'users_org_id_fkey', convalidated: true },
      { conname: 'users_pkey', convalidated: true },
    ]);
    expect(await rows(`select id, first, code, total from public.users`)).toEqual([{ id: 1, first: 'ann', code: 7, total: 2 }]);
  });
});
