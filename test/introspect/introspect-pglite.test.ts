import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/index.js';
import { introspect } from '../../src/introspect/index.js';
import type { SchemaState } from '../../src/model/index.js';
import { countingDatabase } from './counting-database.js';
import {
  BOOKINGS_CONSTRAINTS, COMPOSITE_TYPES, ENUMS, RANGE_TYPES, FUNCTIONS, INDEXES, ORDER_ITEMS_COLUMNS, ORDER_ITEMS_CONSTRAINTS, SEQUENCES,
  TABLE_KEYS, TRIGGERS, USERS_COLUMNS, USERS_CONSTRAINTS, VIEWS, viewsWithoutDefinition,
} from './expected-state.js';
import { FIXTURE_SQL } from './fixture-sql.js';

let db: Database;
let state: SchemaState;
let queryCount: number;
let serverVersion: number;

beforeAll(async () => {
  db = await openDatabase('pglite:memory');
  await db.exec(FIXTURE_SQL);
  await db.exec(`COMMENT ON SCHEMA public IS 'our public'`);
  const [row] = await db.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`);
  serverVersion = row!.v;
  const counting = countingDatabase(db);
  state = await introspect(counting, {});
  queryCount = counting.queries.length;
});

afterAll(async () => {
  await db?.close();
});

describe('introspect on PGlite', () => {
  it('gives the same state as a server for the same DDL', () => {
    expect([...state.schemas.values()]).toEqual([{ name: 'app', comment: 'application schema' }, { name: 'public', comment: 'our public' }]);
    expect([...state.extensions.values()]).toEqual([]);
    expect([...state.tables.keys()]).toEqual(TABLE_KEYS);
    expect(state.tables.get('public.users')?.columns).toEqual(USERS_COLUMNS);
    expect(state.tables.get('app."OrderItems"')?.columns).toEqual(ORDER_ITEMS_COLUMNS);
    expect(state.tables.get('app.bookings')?.constraints).toEqual(BOOKINGS_CONSTRAINTS);
    expect(Object.fromEntries(state.indexes)).toEqual(INDEXES);
    expect(Object.fromEntries(state.enums)).toEqual(ENUMS);
    expect(Object.fromEntries(state.compositeTypes)).toEqual(COMPOSITE_TYPES);
    expect(Object.fromEntries(state.rangeTypes)).toEqual(RANGE_TYPES);
    expect(Object.fromEntries(state.sequences)).toEqual(SEQUENCES);
    expect(viewsWithoutDefinition(state.views)).toEqual(VIEWS);
    expect(Object.fromEntries(state.functions)).toEqual(FUNCTIONS);
    expect(Object.fromEntries(state.triggers)).toEqual(TRIGGERS);
  });

  it('keeps NOT NULL out of the constraints, also where PostgreSQL 18 catalogs it', async () => {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'public.users'::regclass AND contype = 'n'`,
    ).catch(() => [{ n: 0 }]);
    if (serverVersion >= 180000) expect(row?.n).toBeGreaterThan(0);
    expect(state.tables.get('public.users')?.constraints).toEqual(USERS_CONSTRAINTS);
    expect(state.tables.get('app."OrderItems"')?.constraints).toEqual(ORDER_ITEMS_CONSTRAINTS);
  });

  it('reads collations and operators as a server does (ICU where PGlite has it, else its error)', async () => {
    const pg = await openDatabase('pglite:memory');
    try {
      await pg.exec(`CREATE COLLATION c_sort (locale = 'C');
        CREATE COLLATION mixed (lc_collate = 'C', lc_ctype = 'POSIX');
        COMMENT ON COLLATION c_sort IS 'bytes';
        CREATE FUNCTION int_eq(a int, b int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT a = b';
        CREATE OPERATOR === (FUNCTION = int_eq, LEFTARG = int, RIGHTARG = int, COMMUTATOR = ===, RESTRICT = eqsel);
        CREATE TABLE t (x text COLLATE c_sort);`);
      const live = await introspect(pg, {});
      expect(Object.fromEntries(live.collations)).toEqual({
        'public.c_sort': { schema: 'public', name: 'c_sort', provider: 'libc', deterministic: true, lcCollate: 'C', lcCtype: 'C', comment: 'bytes' },
        'public.mixed': { schema: 'public', name: 'mixed', provider: 'libc', deterministic: true, lcCollate: 'C', lcCtype: 'POSIX' },
      });
      expect(Object.fromEntries(live.operators)).toEqual({
        'public.===(integer, integer)': {
          schema: 'public', name: '===', left: 'integer', right: 'integer', function: 'public.int_eq', commutator: 'public.===',
          restrict: 'pg_catalog.eqsel', hashes: false, merges: false,
        },
      });
      expect(live.tables.get('public.t')?.columns[0]?.collation).toBe('"c_sort"');
      const [icu] = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_collation WHERE collprovider = 'i'`);
      if (icu!.n > 0) {
        await pg.exec(`CREATE COLLATION ci (provider = icu, locale = 'und')`);
        expect((await introspect(pg, {})).collations.get('public.ci')).toMatchObject({ provider: 'icu', locale: 'und' });
      } else {
        await expect(pg.exec(`CREATE COLLATION ci (provider = icu, locale = 'und')`)).rejects.toThrow(/ICU is not supported/);
      }
    } finally {
      await pg.close();
    }
  });

  it('issues the same small number of queries', () => {
    expect(queryCount).toBe(22);
  });
});
