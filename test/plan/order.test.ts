import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/index.js';
import { buildState, sampleParts } from '../report/sample-state.js';
import { ch, check, col, descriptions, diffOf, empty, fk, fn, guarded, index, pk, sequence, table, trigger, view } from './fixtures.js';

const users = { schema: 'public', name: 'users' };
const orgs = { schema: 'public', name: 'orgs' };

describe('plan ordering', () => {
  it('creates two tables that reference each other, then both foreign keys', () => {
    const a = table('public', 'users', [col('id', 'integer', { notNull: true }), col('org_id', 'integer')], [
      pk('users_pkey', ['id']),
      fk('users_org_id_fkey', ['org_id'], orgs, ['id']),
    ]);
    const b = table('public', 'orgs', [col('id', 'integer', { notNull: true }), col('owner_id', 'integer')], [
      pk('orgs_pkey', ['id']),
      fk('orgs_owner_id_fkey', ['owner_id'], users, ['id']),
    ]);
    const p = plan(diffOf(ch({ kind: 'createTable', table: a }), ch({ kind: 'createTable', table: b })), empty());
    expect(descriptions(p)).toEqual([
      'create table public.orgs',
      'create table public.users',
      'add constraint public.orgs.orgs_owner_id_fkey',
      'add constraint public.users.users_org_id_fkey',
    ]);
    expect(p.steps[0]!.sql).toMatch(/^CREATE TABLE IF NOT EXISTS public\.orgs \(/);
    expect(p.steps[0]!.sql).toContain('CONSTRAINT orgs_pkey PRIMARY KEY (id)');
    expect(p.steps[0]!.sql).not.toContain('FOREIGN KEY');
    // on a new table one step, no NOT VALID / VALIDATE split
    expect(p.steps[2]!.sql).not.toContain('NOT VALID');
    expect(p.steps.map((s) => s.change)).toEqual([0, 1, 0, 1]);
  });

  it('orders foreign keys the diff lists separately after both tables', () => {
    const a = table('public', 'users', [col('id', 'integer'), col('org_id', 'integer')], [pk('users_pkey', ['id'])]);
    const b = table('public', 'orgs', [col('id', 'integer'), col('owner_id', 'integer')], [pk('orgs_pkey', ['id'])]);
    const p = plan(
      diffOf(
        ch({ kind: 'addConstraint', table: users, constraint: fk('users_org_id_fkey', ['org_id'], orgs, ['id']), newTable: true }),
        ch({ kind: 'createTable', table: a }),
        ch({ kind: 'addConstraint', table: orgs, constraint: fk('orgs_owner_id_fkey', ['owner_id'], users, ['id']), newTable: true }),
        ch({ kind: 'createTable', table: b }),
      ),
      empty(),
    );
    expect(descriptions(p)).toEqual([
      'create table public.orgs',
      'create table public.users',
      'add constraint public.orgs.orgs_owner_id_fkey',
      'add constraint public.users.users_org_id_fkey',
    ]);
    expect(p.changes.map((c) => c.kind)).toEqual(['createTable', 'createTable', 'addConstraint', 'addConstraint']);
  });

  it('puts a view after the view and table it selects from', () => {
    const p = plan(
      diffOf(
        ch({ kind: 'createView', view: view('public', 'a_top', 'SELECT * FROM z_active WHERE n > 1'), replace: false }),
        ch({ kind: 'createView', view: view('public', 'z_active', 'SELECT id AS n FROM public.users'), replace: false }),
        ch({ kind: 'createTable', table: table('public', 'users', [col('id', 'integer')]) }),
      ),
      empty(),
    );
    expect(descriptions(p)).toEqual(['create table public.users', 'create view public.z_active', 'create view public.a_top']);
    expect(p.steps[2]!.sql).toBe('CREATE OR REPLACE VIEW public.a_top AS SELECT * FROM z_active WHERE n > 1');
  });

  it('creates a trigger after its table and function; plpgsql functions before tables, sql ones after', () => {
    const touch = fn('public', 'touch', 'plpgsql', 'BEGIN NEW.updated_at := now(); RETURN NEW; END');
    const count = fn('public', 'user_count', 'sql', 'SELECT count(*) FROM users', { returns: 'bigint' });
    const p = plan(
      diffOf(
        ch({ kind: 'createTrigger', trigger: trigger('public', 'users', 'users_touch', touch), replace: false }),
        ch({ kind: 'createFunction', function: count, replace: false }),
        ch({ kind: 'createTable', table: table('public', 'users', [col('id', 'integer'), col('updated_at', 'timestamp with time zone')]) }),
        ch({ kind: 'createFunction', function: touch, replace: false }),
      ),
      empty(),
    );
    expect(descriptions(p)).toEqual([
      'create function public.touch()',
      'create table public.users',
      'create function public.user_count()',
      'create trigger public.users.users_touch',
    ]);
    expect(p.steps[3]!.sql).toMatch(/^DO \$\$ BEGIN IF NOT EXISTS \(SELECT 1 FROM pg_catalog\.pg_trigger .*tgname = 'users_touch'.* THEN CREATE TRIGGER users_touch BEFORE UPDATE ON public\.users FOR EACH ROW EXECUTE FUNCTION public\.touch\(\); END IF; END \$\$$/);
  });

  it('creates a serial sequence before its table and sets OWNED BY after it', () => {
    const seq = sequence('public', 'users_id_seq', { ownedBy: { table: 'users', column: 'id' } });
    const t = table('public', 'users', [col('id', 'integer', { notNull: true, default: "nextval('users_id_seq'::regclass)" })]);
    const p = plan(diffOf(ch({ kind: 'createTable', table: t }), ch({ kind: 'createSequence', sequence: seq })), empty());
    expect(p.steps.map((s) => s.sql)).toEqual([
      'CREATE SEQUENCE IF NOT EXISTS public.users_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE',
      "CREATE TABLE IF NOT EXISTS public.users (\n    id integer DEFAULT nextval('users_id_seq'::regclass) NOT NULL\n)",
      'ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id',
    ]);
    // the sequence change owns both its steps, in plan order of its first one
    expect(p.changes.map((c) => c.kind)).toEqual(['createSequence', 'createTable']);
    expect(p.steps.map((s) => s.change)).toEqual([0, 1, 0]);
  });

  it('lets an identity column make its own sequence and only sets its options afterwards', () => {
    const seq = sequence('public', 'events_id_seq', { dataType: 'bigint', max: '9223372036854775807', start: '100', ownedBy: { table: 'events', column: 'id' } });
    const t = table('public', 'events', [col('id', 'bigint', { notNull: true, identity: { always: true, sequence: 'events_id_seq' } })]);
    const p = plan(diffOf(ch({ kind: 'createSequence', sequence: seq }), ch({ kind: 'createTable', table: t })), empty());
    expect(p.steps.map((s) => s.sql)).toEqual([
      'CREATE TABLE IF NOT EXISTS public.events (\n    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL\n)',
      'ALTER SEQUENCE public.events_id_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100 CACHE 1 NO CYCLE',
    ]);
  });

  it('runs renames first, replacement drops next and history drops last', () => {
    const live = buildState(sampleParts());
    const p = plan(
      diffOf(
        ch({ kind: 'drop', object: 'table', ref: { schema: 'app', name: 'measurements' }, reason: 'history' }, 'destructive'),
        ch({ kind: 'addColumn', table: { schema: 'public', name: 'people' }, column: col('nick', 'text') }),
        ch({ kind: 'createView', view: view('public', 'z_user_names', 'SELECT id FROM people'), replace: false }),
        ch({ kind: 'rename', object: 'table', from: users, to: { schema: 'public', name: 'people' } }),
        ch({ kind: 'drop', object: 'view', ref: { schema: 'public', name: 'z_user_names' }, reason: 'replace' }, 'review'),
        ch({ kind: 'rename', object: 'column', from: { schema: 'public', parent: 'people', name: 'first' }, to: { schema: 'public', parent: 'people', name: 'given' } }),
      ),
      live,
      { allowDestructive: true },
    );
    expect(descriptions(p)).toEqual([
      'rename table public.people (from public.users)',
      'rename column public.people.given (from public.people.first)',
      'drop (to recreate) view public.z_user_names',
      'add column public.people.nick',
      'create view public.z_user_names',
      'drop table app.measurements',
    ]);
    expect(p.steps[0]!.sql).toBe(
      `DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'users')` +
        ` AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'people')` +
        ' THEN ALTER TABLE public.users RENAME TO people; END IF; END $$',
    );
    expect(p.steps.at(-1)!.sql).toBe('DROP TABLE IF EXISTS app.measurements');
  });

  it('renames a table before its columns and owned sequence, which the diff names after the rename', () => {
    const accounts = { schema: 'app', name: 'accounts' };
    const p = plan(
      diffOf(
        ch({ kind: 'rename', object: 'sequence', from: { schema: 'app', name: 'users_id_seq' }, to: { schema: 'app', name: 'accounts_id_seq' } }),
        ch({ kind: 'rename', object: 'column', from: { schema: 'app', parent: 'accounts', name: 'a' }, to: { schema: 'app', parent: 'accounts', name: 'b' } }),
        ch({ kind: 'rename', object: 'table', from: users, to: accounts }),
      ),
      empty(),
    );
    expect(descriptions(p)).toEqual([
      'rename table app.accounts (from public.users)',
      'rename column app.accounts.b (from app.accounts.a)',
      'rename sequence app.accounts_id_seq (from app.users_id_seq)',
    ]);
    expect(p.steps[0]!.sql).toContain('THEN ALTER TABLE public.users SET SCHEMA app; ALTER TABLE app.users RENAME TO accounts; END IF;');
    expect(p.steps[1]!.sql).toContain('THEN ALTER TABLE app.accounts RENAME COLUMN a TO b; END IF;');
  });

  it('drops dependents before what they depend on', () => {
    const live = buildState(sampleParts());
    const drop = (object: 'table' | 'view' | 'index' | 'sequence' | 'constraint' | 'enum', schema: string, name: string, parent?: string) =>
      ch({ kind: 'drop', object, ref: { schema, name, ...(parent ? { parent } : {}) }, reason: 'history' }, 'destructive');
    const p = plan(
      diffOf(
        drop('enum', 'app', 'mood'),
        drop('sequence', 'public', 'users_id_seq'),
        drop('table', 'public', 'users'),
        drop('table', 'app', 'Order Items'),
        drop('view', 'public', 'z_user_names'),
        drop('view', 'public', 'a_user_count'),
        drop('index', 'public', 'users_email_lower_idx'),
        drop('constraint', 'public', 'users_E-mail_key', 'users'),
      ),
      live,
      { allowDestructive: true },
    );
    const order = descriptions(p);
    expect(order).toEqual([
      // constraints and indexes lose no rows and only make room: they go first, after the
      // foreign key that references the unique constraint
      'drop constraint app."Order Items".order_items_user_fk',
      'drop constraint public.users."users_E-mail_key"',
      'drop index public.users_email_lower_idx',
      'drop view public.a_user_count',
      'drop view public.z_user_names',
      // users and "Order Items" reference each other: their foreign keys go first
      'drop constraint public.users.users_last_order_fkey',
      'drop table app."Order Items"',
      'drop table public.users',
      'drop sequence public.users_id_seq',
      'drop enum app.mood',
    ]);
  });

  it('changes a column type only after a live view using the table is dropped', () => {
    const live = buildState(sampleParts());
    const p = plan(
      diffOf(
        ch({ kind: 'alterColumnType', table: users, column: col('first', 'character varying(50)'), from: 'text', steps: [{ to: 'character varying(50)' }] }, 'review'),
        ch({ kind: 'drop', object: 'view', ref: { schema: 'public', name: 'a_user_count' }, reason: 'history' }, 'destructive'),
        ch({ kind: 'drop', object: 'view', ref: { schema: 'public', name: 'z_user_names' }, reason: 'history' }, 'destructive'),
      ),
      live,
      { allowDestructive: true },
    );
    expect(descriptions(p)).toEqual([
      'drop view public.a_user_count',
      'drop view public.z_user_names',
      'change type of column public.users.first',
    ]);
    expect(guarded(p.steps[2]!.sql)).toBe('ALTER TABLE public.users ALTER COLUMN first TYPE character varying(50)');
  });

  it('adds enum values after the neighbours they are placed next to, before the columns using them', () => {
    const mood = { schema: 'app', name: 'mood' };
    const p = plan(
      diffOf(
        ch({ kind: 'addColumn', table: users, column: col('mood2', 'app.mood') }),
        ch({ kind: 'addEnumValue', enum: mood, value: 'b', neighbor: { value: 'a', after: true } }),
        ch({ kind: 'addEnumValue', enum: mood, value: 'a' }),
      ),
      empty(),
    );
    expect(p.steps.map((s) => s.sql)).toEqual([
      "ALTER TYPE app.mood ADD VALUE IF NOT EXISTS 'a'",
      "ALTER TYPE app.mood ADD VALUE IF NOT EXISTS 'b' AFTER 'a'",
      'ALTER TABLE public.users ADD COLUMN IF NOT EXISTS mood2 app.mood',
    ]);
  });

  it('orders column alterations so identity, defaults and NOT NULL do not get in each other\'s way', () => {
    const id = col('id', 'bigint', { notNull: true, identity: { always: false } });
    const p = plan(
      diffOf(
        ch({ kind: 'alterIdentity', table: users, column: id, live: col('id', 'bigint', { default: "nextval('users_id_seq'::regclass)" }) }),
        ch({ kind: 'setNotNull', table: users, column: 'id', notNull: true }, 'review'),
        ch({ kind: 'setDefault', table: users, column: 'id', from: "nextval('users_id_seq'::regclass)" }),
        ch({ kind: 'alterColumnType', table: users, column: id, from: 'integer', steps: [{ to: id.type }] }, 'review'),
      ),
      empty(),
    );
    expect(descriptions(p).map((d) => d.split(' column')[0])).toEqual(['drop default of', 'change type of', 'set not null on', 'change identity of']);
    // The serial sequence gives way to the identity's (same name), its counter carried over.
    expect(p.steps[3]!.sql).toContain(
      'DROP SEQUENCE public.users_id_seq; ALTER TABLE public.users ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY; ' +
        "PERFORM pg_catalog.setval('public.users_id_seq', old_last, old_called); END IF",
    );
  });

  it('orders a foreign key after the unique index it references, and an index after its column', () => {
    const p = plan(
      diffOf(
        ch({ kind: 'addConstraint', table: users, constraint: fk('users_org_fkey', ['org_code'], orgs, ['code']), newTable: false }),
        ch({ kind: 'createIndex', index: index('public', 'orgs_code_key', 'orgs', ['code'], { unique: true }), newTable: false }),
        ch({ kind: 'addColumn', table: orgs, column: col('code', 'text') }),
        ch({ kind: 'addConstraint', table: users, constraint: check('users_check', 'id > 0'), newTable: false }),
      ),
      empty(),
    );
    expect(descriptions(p)).toEqual([
      'add column public.orgs.code',
      'add constraint public.users.users_check (not valid)',
      'validate constraint public.users.users_check',
      'drop invalid leftover of index public.orgs_code_key',
      'create index public.orgs_code_key',
      'add constraint public.users.users_org_fkey (not valid)',
      'validate constraint public.users.users_org_fkey',
    ]);
  });

  it('is deterministic whatever the diff order', () => {
    const changes = [
      ch({ kind: 'createTable', table: table('public', 'b', [col('id', 'integer')]) }),
      ch({ kind: 'createTable', table: table('public', 'a', [col('id', 'integer')]) }),
      ch({ kind: 'createSchema', schema: { name: 'z' } }),
      ch({ kind: 'createIndex', index: index('public', 'a_id', 'a', ['id']), newTable: true }),
    ];
    const one = plan(diffOf(...changes), empty());
    const two = plan(diffOf(...[...changes].reverse()), empty());
    expect(one.steps.map((s) => s.sql)).toEqual(two.steps.map((s) => s.sql));
    expect(descriptions(one)).toEqual(['create schema z', 'create table public.a', 'create table public.b', 'create index public.a_id']);
  });
});
