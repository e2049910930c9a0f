import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { usingCast } from '../../src/diff/using-cast.js';
import { introspect } from '../../src/introspect/index.js';
import { plan } from '../../src/plan/index.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { referenceDump } from '../support/pg-dump/reference-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql } from '../support/run-migrations.js';

/** The live database: text columns (one with a default and an index), an enum column and a text[] column, with rows. */
const CURRENT = `
  CREATE TYPE old_status AS ENUM ('a', 'b');
  CREATE TABLE items (
    id int PRIMARY KEY,
    status text NOT NULL DEFAULT 'active',
    code varchar(20),
    qty text,
    legacy old_status,
    tags text[]);
  CREATE INDEX items_status ON items (status);
  INSERT INTO items VALUES (1, 'active', 'inactive', '12', 'a', '{active}'), (2, 'inactive', NULL, '7', 'b', '{inactive,active}');`;

/**
 * The migrations declare enum columns where the live database has text, an integer for text and
 * another enum for an enum: PostgreSQL has no assignment cast for any of these ("column .. cannot
 * be cast automatically"), nor for the default ("default for column .. cannot be cast automatically").
 */
const DESIRED = `
  CREATE TYPE item_status AS ENUM ('active', 'inactive');
  CREATE TYPE new_status AS ENUM ('a', 'b');
  CREATE TABLE items (
    id int PRIMARY KEY,
    status item_status NOT NULL DEFAULT 'active',
    code item_status,
    qty integer,
    legacy new_status,
    tags item_status[]);
  CREATE INDEX items_status ON items (status);`;

describe('column type changes with no assignment cast get USING (judged by pg_dump)', () => {
  const target = replay(revisionsFromSql('desired', [DESIRED])).state;
  let live: FreshDatabase | undefined;
  afterEach(async () => {
    await live?.drop();
    live = undefined;
  });

  it('text -> enum (with a default and an index), text -> integer, enum -> enum, text[] -> enum[]: rows kept, same pg_dump, nothing left to plan', async () => {
    live = await freshDatabase();
    await live.db.exec(CURRENT);
    const liveState = await introspect(live.db);
    const p = plan(diff(target, liveState, { declaration: true }), liveState, { allowDestructive: true });
    const sql = p.steps.map((s) => s.sql).join('\n');
    expect(sql).toContain('ALTER COLUMN status TYPE public.item_status USING status::public.item_status');
    expect(sql).toContain('ALTER COLUMN qty TYPE integer USING qty::integer');
    expect(sql).toContain('ALTER COLUMN legacy TYPE public.new_status USING legacy::text::public.new_status');
    expect(sql).toContain('ALTER COLUMN tags TYPE public.item_status[] USING tags::public.item_status[]');
    const status = p.changes.find((c) => c.kind === 'alterColumnType' && c.column.name === 'status');
    expect(status?.hazards).toEqual(expect.arrayContaining(['table rewrite', 'may fail on existing data']));
    await apply(live.db, target, { declaration: true, allowDestructive: true });
    expect(dumpDifference(await referenceDump(revisionsFromSql('desired', [DESIRED])), await pgDumpSchema(live.url)) ?? 'same pg_dump').toBe('same pg_dump');
    expect(diff(target, await introspect(live.db), { declaration: true }).changes).toEqual([]);
    expect(await live.db.query(`SELECT id, status::text, code::text, qty, legacy::text, tags::text[] FROM items ORDER BY id`)).toEqual([
      { id: 1, status: 'active', code: 'inactive', qty: 12, legacy: 'a', tags: ['active'] },
      { id: 2, status: 'inactive', code: null, qty: 7, legacy: 'b', tags: ['inactive', 'active'] },
    ]);
    // The index was rebuilt on the enum column and is used for it; the default is the enum's.
    await live.db.exec(`INSERT INTO items (id) VALUES (3)`);
    expect(await live.db.query(`SELECT status::text FROM items WHERE status = 'active' ORDER BY id`)).toEqual([{ status: 'active' }, { status: 'active' }]);
  });

  it('a value outside the enum fails the change (it may fail, as the plan says) and nothing is written', async () => {
    live = await freshDatabase();
    await live.db.exec(CURRENT);
    await live.db.exec(`INSERT INTO items VALUES (9, 'archived', NULL, '1', 'a', NULL)`);
    await expect(apply(live.db, target, { declaration: true, allowDestructive: true })).rejects.toThrow(/invalid input value for enum item_status: "archived"/);
    expect(await live.db.query(`SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute WHERE attrelid = 'items'::regclass AND attname = 'status'`)).toEqual([{ t: 'text' }]);
  });
});

/** (from, to, a value of `from`): each pair's USING as usingCast decides it, checked on PostgreSQL. */
const PAIRS: readonly (readonly [string, string, string])[] = [
  ['text', 'public.e', `'x'`],
  ['character varying(5)', 'public.e', `'x'`],
  ['character(1)', 'public.e', `'x'`],
  ['name', 'public.e', `'x'`],
  ['public.e', 'public.e2', `'x'`],
  ['integer', 'public.e', `1`],
  ['public.e', 'integer', `'1'`],
  ['text', 'integer', `'12'`],
  ['text', 'boolean', `'t'`],
  ['text', 'jsonb', `'{}'`],
  ['text', 'uuid', `'00000000-0000-0000-0000-000000000000'`],
  ['integer', 'boolean', `1`],
  ['boolean', 'integer', `true`],
  ['jsonb', 'integer', `'3'`],
  ['text[]', 'public.e[]', `'{x}'`],
  ['public.e[]', 'public.e2[]', `'{x}'`],
  // Assignment casts: no USING.
  ['public.e', 'text', `'x'`],
  ['integer', 'text', `5`],
  ['integer', 'bigint', `5`],
  ['numeric', 'integer', `5`],
  ['json', 'jsonb', `'{}'`],
  ['text', 'character varying(3)', `'abc'`],
  ['date', 'timestamp without time zone', `'2026-01-01'`],
];

describe('usingCast follows PostgreSQL cast rules', () => {
  let f: FreshDatabase;
  beforeAll(async () => {
    f = await freshDatabase();
    await f.db.exec(`CREATE TYPE e AS ENUM ('x', '1'); CREATE TYPE e2 AS ENUM ('x', '1')`);
  });
  afterAll(async () => f?.drop());
  const isEnum = (t: string): boolean => t === 'public.e' || t === 'public.e2';

  it.each(PAIRS)('%s -> %s: USING exactly where PostgreSQL needs one, and it converts', async (from, to, value) => {
    const using = usingCast('c', from, to, isEnum);
    await f.db.exec(`DROP TABLE IF EXISTS cast_probe; CREATE TABLE cast_probe (c ${from}); INSERT INTO cast_probe VALUES (${value})`);
    const plain = `ALTER TABLE cast_probe ALTER COLUMN c TYPE ${to}`;
    if (using === undefined) {
      await f.db.exec(plain);
    } else {
      await expect(f.db.exec(plain)).rejects.toThrow(/cannot be cast automatically/);
      await f.db.exec(`${plain} USING ${using}`);
    }
    expect(await f.db.query(`SELECT count(*)::int AS n FROM cast_probe`)).toEqual([{ n: 1 }]);
  });
});
