import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderStateSql } from '../../src/report/state-sql.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { buildState, sampleParts } from './sample-state.js';

describe('renderStateSql on a real PostgreSQL', () => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase();
    await fresh.db.exec(renderStateSql(buildState(sampleParts())));
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  const one = async (sql: string, params: unknown[] = []): Promise<string> => {
    const rows = await fresh.db.query<{ v: string }>(sql, params);
    expect(rows).toHaveLength(1);
    return rows[0]!.v;
  };
  const indexDef = (qualified: string) => one('select pg_get_indexdef($1::regclass) as v', [qualified]);
  const constraintDef = (table: string, name: string) =>
    one('select pg_get_constraintdef(oid) as v from pg_constraint where conrelid = $1::regclass and conname = $2', [table, name]);

  it('creates indexes as written', async () => {
    expect(await indexDef('public.users_email_lower_idx')).toBe(
      'CREATE INDEX users_email_lower_idx ON public.users USING btree (lower("E-mail") DESC NULLS LAST, id DESC)',
    );
    expect(await indexDef('public.users_active_name_key')).toBe(
      'CREATE UNIQUE INDEX users_active_name_key ON public.users USING btree (first COLLATE "C" text_pattern_ops, last NULLS FIRST) INCLUDE (id) WHERE (last_order IS NOT NULL)',
    );
    expect(await indexDef('public.events_room_hash')).toBe('CREATE INDEX events_room_hash ON public.events USING hash (room)');
    expect(await indexDef('app.order_totals_user_idx')).toBe(
      'CREATE UNIQUE INDEX order_totals_user_idx ON app.order_totals USING btree (user_id) NULLS NOT DISTINCT',
    );
  });

  it('creates constraints as written', async () => {
    expect(await constraintDef('public.users', 'users_last_order_fkey')).toBe(
      'FOREIGN KEY (last_order) REFERENCES app."Order Items"(order_no) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED',
    );
    expect(await constraintDef('app."Order Items"', 'order_items_user_fk')).toBe(
      'FOREIGN KEY (user_id) REFERENCES users(id) MATCH FULL ON UPDATE RESTRICT ON DELETE CASCADE NOT VALID',
    );
    expect(await constraintDef('public.users', 'users_E-mail_key')).toBe('UNIQUE NULLS NOT DISTINCT ("E-mail") INCLUDE ("select")');
    expect(await constraintDef('public.users', 'users_größe_check')).toBe('CHECK (("größe" > 0)) NOT VALID');
    expect(await constraintDef('app."Order Items"', 'qty_positive')).toBe('CHECK ((qty > 0)) NO INHERIT');
    expect(await constraintDef('public.events', 'events_no_overlap')).toBe(
      'EXCLUDE USING gist (during WITH &&) INCLUDE (room) WHERE ((room > 0)) DEFERRABLE',
    );
    expect(await constraintDef('app.m2024', 'm2024_value_check')).toBe('CHECK ((value >= (0)::numeric))');
  });

  it("gives a key's index its storage parameters and comment", async () => {
    const rows = await fresh.db.query(`select reloptions, obj_description(oid, 'pg_class') as comment from pg_class where oid = 'public.events_pkey'::regclass`);
    expect(rows).toEqual([{ reloptions: ['fillfactor=70'], comment: 'event key index' }]);
  });

  it("sets views' column defaults and comments", async () => {
    const rows = await fresh.db.query<{ attname: string; def: string | null; comment: string | null }>(
      `select attname, pg_get_expr(adbin, adrelid) as def, col_description(attrelid, attnum) as comment
         from pg_attribute left join pg_attrdef on adrelid = attrelid and adnum = attnum
        where attrelid = 'public.z_user_names'::regclass and attnum > 0 order by attnum`,
    );
    expect(rows).toEqual([
      { attname: 'id', def: null, comment: 'the key' },
      { attname: 'first', def: "'anon'::text", comment: 'first name' },
    ]);
  });

  it('creates columns with identity, generated, collation and serial defaults', async () => {
    const cols = await fresh.db.query<{ attname: string; identity: string; generated: string; coll: string | null; def: string | null }>(
      `select attname, attidentity as identity, attgenerated as generated,
              (select collname from pg_collation c where c.oid = attcollation and attcollation <> 100) as coll,
              pg_get_expr(adbin, adrelid) as def
         from pg_attribute left join pg_attrdef on adrelid = attrelid and adnum = attnum
        where attrelid = 'public.users'::regclass and attnum > 0 order by attnum`,
    );
    expect(cols.map((c) => c.attname)).toEqual(['id', 'E-mail', 'select', 'größe', 'we"ird', 'mood', 'first', 'last', 'full_name', 'last_order']);
    expect(cols.find((c) => c.attname === 'id')?.def).toBe("nextval('users_id_seq'::regclass)");
    expect(cols.find((c) => c.attname === 'E-mail')?.coll).toBe('C');
    expect(cols.find((c) => c.attname === 'full_name')).toMatchObject({ generated: 's', def: "((first || ' '::text) || last)" });
    expect(await one("select attidentity::text as v from pg_attribute where attrelid = 'public.events'::regclass and attname = 'id'")).toBe('a');
  });

  it('gives sequences their options and owners', async () => {
    const seqs = await fresh.db.query<Record<string, string>>(
      `select s.schemaname || '.' || s.sequencename as name, s.data_type::text as type, s.start_value::text as start,
              s.increment_by::text as inc, s.cache_size::text as cache, s.cycle::text as cycle,
              (select a.attrelid::regclass::text || '.' || a.attname from pg_depend d
                 join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
                where d.classid = 'pg_class'::regclass and d.objid = format('%I.%I', s.schemaname, s.sequencename)::regclass
                  and d.refobjsubid > 0) as owner
         from pg_sequences s order by 1`,
    );
    expect(seqs).toEqual([
      { name: 'Sales Ops.Ticket Seq', type: 'integer', start: '1', inc: '1', cache: '1', cycle: 'false', owner: '"Sales Ops"."Tickets".Id' },
      { name: 'app.order_no_seq', type: 'bigint', start: '1000', inc: '5', cache: '10', cycle: 'true', owner: null },
      { name: 'public.events_id_seq', type: 'bigint', start: '100', inc: '1', cache: '1', cycle: 'false', owner: 'events.id' },
      { name: 'public.users_id_seq', type: 'integer', start: '1', inc: '1', cache: '1', cycle: 'false', owner: 'users.id' },
    ]);
  });

  it('creates functions, views, triggers and comments', async () => {
    expect(await one("select prosrc as v from pg_proc where proname = 'touch'")).toBe(sampleParts().functions[0]!.body);
    expect(await one("select app.add(2) || '' as v")).toBe('3');
    expect(await one('select pg_get_triggerdef(oid) as v from pg_trigger where tgname = $1', ['users_touch'])).toBe(
      "CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE OF first, last ON public.users FOR EACH ROW WHEN ((new.first IS NOT NULL)) EXECUTE FUNCTION touch('it''s', 'x\\y')",
    );
    expect(await one('select pg_get_triggerdef(oid) as v from pg_trigger where tgname = $1', ['Users Audit'])).toBe(
      'CREATE CONSTRAINT TRIGGER "Users Audit" AFTER DELETE ON public.users DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch()',
    );
    expect(await one("select attname as v from pg_attribute where attrelid = 'public.a_user_count'::regclass and attnum = 1")).toBe('user count');
    expect(await one("select obj_description('app.noop(text)'::regprocedure, 'pg_proc') as v")).toBe('does nothing');
    expect(await one("select col_description('public.users'::regclass, 2) as v")).toBe('login');
    expect(await one("select obj_description('public.events_id_seq'::regclass, 'pg_class') as v")).toBe('event ids');
    expect(await one("select relkind::text as v from pg_class where oid = 'app.order_totals'::regclass")).toBe('m');
    expect(await one("select relpersistence::text as v from pg_class where oid = 'public.events'::regclass")).toBe('u');
    expect(await one("select pg_get_expr(relpartbound, oid) as v from pg_class where oid = 'app.m2024'::regclass")).toBe(
      "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
    );
  });

  it('an empty state renders to nothing and a public-only state too', async () => {
    expect(renderStateSql(buildState({ ...sampleParts(), schemas: [{ name: 'public' }], extensions: [], enums: [], sequences: [], tables: [], indexes: [], views: [], functions: [], triggers: [] }))).toBe('');
  });
});
