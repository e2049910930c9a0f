import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspect } from '../../src/introspect/index.js';
import type { SchemaState } from '../../src/model/index.js';
import { normalizeExpression } from '../../src/parse/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { countingDatabase } from './counting-database.js';
import {
  BOOKINGS_CONSTRAINTS, COMPOSITE_TYPES, ENUMS, RANGE_TYPES, FUNCTIONS, INDEXES, ORDER_ITEMS_COLUMNS, ORDER_ITEMS_CONSTRAINTS, SEQUENCES,
  TABLE_KEYS, TRIGGERS, USERS_COLUMNS, USERS_CONSTRAINTS, VIEWS, viewsWithoutDefinition,
} from './expected-state.js';
import { EXTENSION_SQL, FIXTURE_SQL } from './fixture-sql.js';

/** session pin + one query per object kind (14: policies, composite and range types included) + default privileges + restore. */
/** session pin + one query per object kind (12, policies included) + default privileges + restore. */
const EXPECTED_QUERIES = 22;

let fresh: FreshDatabase;
let state: SchemaState;
let queryCount: number;

beforeAll(async () => {
  fresh = await freshDatabase();
  await fresh.db.exec(EXTENSION_SQL);
  await fresh.db.exec(FIXTURE_SQL);
  const counting = countingDatabase(fresh.db);
  state = await introspect(counting, {});
  queryCount = counting.queries.length;
});

afterAll(async () => {
  await fresh?.drop();
});

describe('introspect on PostgreSQL', () => {
  it('reads schemas, leaving out initdb’s comment on public', () => {
    expect([...state.schemas.values()]).toEqual([{ name: 'app', comment: 'application schema' }, { name: 'public' }]);
  });

  it('lists extensions but none of their objects', () => {
    expect([...state.extensions.values()]).toEqual([
      // The control file's comment is no `comment` (CREATE EXTENSION gave it), only what a plan would restore.
      { name: 'citext', schema: 'public', defaultComment: expect.stringMatching(/case-insensitive/) },
      { name: 'pgcrypto', schema: 'public', defaultComment: expect.stringMatching(/cryptographic/) },
    ]);
    // citext and pgcrypto install dozens of functions, types and casts in public.
    expect(Object.keys(Object.fromEntries(state.functions)).sort()).toEqual(Object.keys(FUNCTIONS).sort());
    expect([...state.enums.keys()]).toEqual(Object.keys(ENUMS));
  });

  it('reads tables, leaving out alembic_version', () => {
    expect([...state.tables.keys()]).toEqual([...TABLE_KEYS.slice(0, 3), 'public.accounts', ...TABLE_KEYS.slice(3)]);
    expect(state.tables.get('public.scratch')?.unlogged).toBe(true);
    expect(state.tables.get('public.users')?.comment).toBe('people');
  });

  it('reads columns: serial, enum array, collation, comment', () => {
    expect(state.tables.get('public.users')?.columns).toEqual(USERS_COLUMNS);
  });

  it('reads identity, generated and enum-typed columns of a mixed-case table', () => {
    expect(state.tables.get('app."OrderItems"')?.columns).toEqual(ORDER_ITEMS_COLUMNS);
    expect(state.tables.get('app.ledger')?.columns[0]).toEqual({
      name: 'seq', type: 'integer', notNull: true, identity: { always: false, sequence: 'ledger_seq_seq' },
    });
  });

  it('qualifies extension and domain types', () => {
    expect(state.tables.get('public.accounts')?.columns).toEqual([
      { name: 'login', type: 'public.citext', notNull: true },
      { name: 'token', type: 'bytea', notNull: false, default: normalizeExpression('gen_random_bytes(16)') },
    ]);
    expect(state.tables.get('app.bookings')?.columns.map((c) => c.type)).toEqual(['public.posint', 'tsrange']);
  });

  it('reads constraints sorted by name: deferrable FK, NOT VALID check, NULLS NOT DISTINCT, EXCLUDE', () => {
    expect(state.tables.get('public.users')?.constraints).toEqual(USERS_CONSTRAINTS);
    expect(state.tables.get('app."OrderItems"')?.constraints).toEqual(ORDER_ITEMS_CONSTRAINTS);
    expect(state.tables.get('app.bookings')?.constraints).toEqual(BOOKINGS_CONSTRAINTS);
  });

  it('reads partitioned tables; a partition has none of the objects PostgreSQL copied onto it', () => {
    const events = state.tables.get('public.events');
    expect(events?.partitionBy).toBe('RANGE (at)');
    expect(events?.constraints.map((c) => c.name)).toEqual(['events_id_positive', 'events_pkey']);
    const partition = state.tables.get('public.events_2024');
    expect(partition?.partitionOf).toEqual({
      parent: { schema: 'public', name: 'events' },
      bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
    });
    expect(partition?.columns.map((c) => c.name)).toEqual(['id', 'at']);
    expect(partition?.constraints).toEqual([]);
  });

  it('reads stand-alone indexes only (no constraint or partition indexes)', () => {
    expect(Object.fromEntries(state.indexes)).toEqual(INDEXES);
  });

  it('reads enums, sequences, views, functions and triggers', () => {
    expect(Object.fromEntries(state.enums)).toEqual(ENUMS);
    expect(Object.fromEntries(state.compositeTypes)).toEqual(COMPOSITE_TYPES);
    expect(Object.fromEntries(state.rangeTypes)).toEqual(RANGE_TYPES);
    expect(Object.fromEntries(state.sequences)).toEqual(SEQUENCES);
    expect(viewsWithoutDefinition(state.views)).toEqual(VIEWS);
    expect(Object.fromEntries(state.functions)).toEqual(FUNCTIONS);
    expect(Object.fromEntries(state.triggers)).toEqual(TRIGGERS);
    expect(state.history).toEqual([]);
  });

  it('agrees with what the server reports directly', async () => {
    const [row] = await fresh.db.query<Record<string, unknown>>(`
      SELECT pg_get_serial_sequence('app."OrderItems"', 'id') AS identity_seq,
        pg_get_serial_sequence('public.users', 'id') AS serial_seq,
        enum_range(NULL::public.mood)::text[] AS moods,
        (SELECT convalidated FROM pg_constraint WHERE conname = 'qty_positive') AS qty_validated,
        (SELECT condeferred FROM pg_constraint WHERE conname = 'order_items_user_fk') AS fk_deferred,
        (SELECT count(*)::int FROM pg_index WHERE indrelid = 'public.events_2024'::regclass) AS partition_indexes,
        col_description('public.users'::regclass, 2) AS email_comment,
        pg_get_viewdef('public.active_users'::regclass) AS view_definition`);
    expect(row).toEqual({
      identity_seq: 'app."OrderItems_id_seq"',
      serial_seq: 'public.users_id_seq',
      moods: ENUMS['public.mood']!.values,
      qty_validated: false,
      fk_deferred: true,
      partition_indexes: 2,
      email_comment: 'login',
      view_definition: expect.any(String),
    });
    expect(state.views.get('public.active_users')?.definition).toBe(String(row!['view_definition']).trim().replace(/;$/, ''));
  });

  it('issues a small, fixed number of queries', () => {
    expect(queryCount).toBe(EXPECTED_QUERIES);
  });
});

describe('introspect options and session', () => {
  it('does not depend on, and restores, the session search_path', async () => {
    await fresh.db.exec(`SET search_path = "$user", app, public`);
    try {
      const again = await introspect(fresh.db, {});
      expect(again.tables.get('app."OrderItems"')?.columns).toEqual(ORDER_ITEMS_COLUMNS);
      expect(viewsWithoutDefinition(again.views)).toEqual(VIEWS);
      const [row] = await fresh.db.query<{ search_path: string }>('SHOW search_path');
      expect(row?.search_path).toBe('"$user", app, public');
    } finally {
      await fresh.db.exec('RESET search_path');
    }
  });

  it('reads the catalog without parallel workers, and restores the setting', async () => {
    await fresh.db.exec('SET max_parallel_workers_per_gather = 3');
    try {
      // What the session says while the column query (the one a large catalog plans in parallel) is sent.
      const during: string[] = [];
      const watching = {
        ...fresh.db,
        query: async <T = Record<string, unknown>>(sql: string, params?: unknown[]) => {
          if (sql.includes('a.attrelid AS table_oid')) {
            during.push(String((await fresh.db.query<{ max_parallel_workers_per_gather: string }>('SHOW max_parallel_workers_per_gather'))[0]?.max_parallel_workers_per_gather));
          }
          return fresh.db.query<T>(sql, params);
        },
      };
      await introspect(watching, {});
      expect(during).toEqual(['0']);
      const [row] = await fresh.db.query<{ max_parallel_workers_per_gather: string }>('SHOW max_parallel_workers_per_gather');
      expect(row?.max_parallel_workers_per_gather).toBe('3');
    } finally {
      await fresh.db.exec('RESET max_parallel_workers_per_gather');
    }
  });

  it('limits objects to the given schemas, still listing public', async () => {
    const appOnly = await introspect(fresh.db, { schemas: ['app'] });
    expect([...appOnly.schemas.keys()]).toEqual(['app', 'public']);
    expect([...appOnly.tables.keys()]).toEqual(['app."OrderItems"', 'app.bookings', 'app.ledger']);
    expect([...appOnly.enums.keys()]).toEqual(['app.status']);
    expect([...appOnly.functions.keys()]).toEqual(['app.add(integer, integer)', 'app.noop(text)']);
    expect([...appOnly.triggers.keys()]).toEqual([]);
    expect([...appOnly.indexes.keys()]).toEqual(['app.order_items_code_idx', 'app.user_counts_user_idx']);
  });

  it('includes alembic_version on request', async () => {
    const withAlembic = await introspect(fresh.db, { includeAlembicVersion: true });
    expect(withAlembic.tables.get('public.alembic_version')).toEqual({
      schema: 'public',
      name: 'alembic_version',
      unlogged: false,
      columns: [{ name: 'version_num', type: 'character varying(32)', notNull: true }],
      constraints: [
        { name: 'alembic_version_pkc', type: 'primary key', columns: ['version_num'], include: [], deferrable: false, initiallyDeferred: false },
      ],
    });
  });

  it('costs the same number of queries for many more tables', async () => {
    const ddl = Array.from(
      { length: 200 },
      (_, i) => `CREATE TABLE bulk.t${i} (id serial PRIMARY KEY, ref integer REFERENCES public.users (id), v text);
        CREATE INDEX t${i}_v_idx ON bulk.t${i} (lower(v));`,
    ).join('\n');
    await fresh.db.exec(`CREATE SCHEMA bulk;\n${ddl}`);
    const counting = countingDatabase(fresh.db);
    const big = await introspect(counting, {});
    expect(big.tables.size).toBe(TABLE_KEYS.length + 1 + 200);
    expect(big.indexes.get('bulk.t199_v_idx')?.keys).toEqual([{ expression: normalizeExpression('lower(v)'), descending: false, nullsFirst: false }]);
    expect(counting.queries.length).toBe(EXPECTED_QUERIES);
  });
});
