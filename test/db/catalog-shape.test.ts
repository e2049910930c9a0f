import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';

const SCHEMA = `
  CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
  CREATE TABLE parent (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE);
  CREATE TABLE child (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id bigint REFERENCES parent (id) ON DELETE CASCADE,
    tags text[] DEFAULT '{}',
    m mood,
    score numeric(10, 2) CHECK (score >= 0),
    created timestamptz DEFAULT now()
  ) WITH (fillfactor = 70);
  CREATE INDEX child_parent_m ON child (parent_id, m) WHERE score > 0;
  COMMENT ON TABLE child IS 'kids';
`;

// Shaped like what an introspector reads: name[], text[], "char", int2vector, oidvector, int8, …
const TABLES = `
  SELECT c.relname, n.nspname, c.relkind, c.reloptions, c.relnatts, c.oid,
         obj_description(c.oid, 'pg_class') AS comment,
         array_agg(a.attname ORDER BY a.attnum) AS attnames,
         array_agg(a.attnum ORDER BY a.attnum) AS attnums,
         array_agg(a.attnotnull ORDER BY a.attnum) AS notnulls,
         array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum)::text[] AS types,
         array_agg(a.attidentity ORDER BY a.attnum) AS identities
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE n.nspname = 'public' AND c.relkind = 'r'
  GROUP BY c.oid, n.nspname
  ORDER BY c.relname`;

const INDEXES = `
  SELECT ic.relname AS index, i.indkey, i.indclass, i.indisunique, i.indisprimary, i.indnkeyatts,
         pg_get_indexdef(i.indexrelid) AS def, pg_get_expr(i.indpred, i.indrelid) AS predicate
  FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
  WHERE i.indrelid IN ('public.parent'::regclass, 'public.child'::regclass)
  ORDER BY ic.relname`;

const CONSTRAINTS = `
  SELECT conname, contype, conkey, confkey, confdeltype, conrelid::regclass::text AS rel,
         pg_get_constraintdef(oid) AS def
  FROM pg_constraint
  -- PGlite is PostgreSQL 18, which also records NOT NULL as constraints (contype 'n').
  WHERE connamespace = 'public'::regnamespace AND contype <> 'n'
  ORDER BY conname`;

const ENUMS_AND_SEQUENCES = `
  SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels,
         (SELECT array_agg(s.seqrelid::regclass::text ORDER BY 1) FROM pg_sequence s) AS seqs,
         (SELECT max(seqmax) FROM pg_sequence) AS seqmax,
         (SELECT proargtypes FROM pg_proc WHERE proname = 'format_type') AS proargtypes
  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`;

/** Replaces every leaf of a value by its JS type, keeping arrays and plain objects as structure. */
function shape(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  }
  if (typeof value === 'object') return (value as object).constructor.name;
  return typeof value;
}

/** Drops columns whose values legitimately differ between servers (OIDs, versions). */
function stable(rows: Record<string, unknown>[], unstable: string[]): Record<string, unknown>[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !unstable.includes(k))));
}

describe('the same catalog queries on PGlite and on PostgreSQL', () => {
  let fresh: FreshDatabase;
  let lite: Database;
  const results = new Map<string, [Record<string, unknown>[], Record<string, unknown>[]]>();

  beforeAll(async () => {
    fresh = await freshDatabase();
    lite = await openDatabase('pglite:memory');
    for (const db of [fresh.db, lite]) await db.exec(SCHEMA);
    for (const [name, sql] of Object.entries({ TABLES, INDEXES, CONSTRAINTS, ENUMS_AND_SEQUENCES })) {
      results.set(name, [await fresh.db.query(sql), await lite.query(sql)]);
    }
  });
  afterAll(async () => {
    await lite?.close();
    await fresh?.drop();
  });

  it.each(['TABLES', 'INDEXES', 'CONSTRAINTS', 'ENUMS_AND_SEQUENCES'])('%s: same JS shape', (name) => {
    const [server, wasm] = results.get(name)!;
    expect(server.length).toBeGreaterThan(0);
    expect(wasm.map((r) => shape(r))).toEqual(server.map((r) => shape(r)));
  });

  it.each([
    ['TABLES', ['oid']],
    ['INDEXES', ['indclass']],
    ['CONSTRAINTS', []],
    ['ENUMS_AND_SEQUENCES', []],
  ])('%s: same values apart from OIDs', (name, unstable) => {
    const [server, wasm] = results.get(name)!;
    expect(stable(wasm, unstable)).toEqual(stable(server, unstable));
  });

  it('returns the documented JS types', () => {
    const [[child], [parentIndex]] = [results.get('TABLES')![0], results.get('INDEXES')![0]];
    expect(child).toMatchObject({
      relname: 'child',
      relkind: 'r',
      reloptions: ['fillfactor=70'],
      relnatts: 6,
      comment: 'kids',
      attnames: ['id', 'parent_id', 'tags', 'm', 'score', 'created'],
      attnums: [1, 2, 3, 4, 5, 6],
      notnulls: [true, false, false, false, false, false],
      identities: ['a', '', '', '', '', ''],
    });
    expect(typeof child!['oid']).toBe('number');
    expect(parentIndex).toMatchObject({ index: 'child_parent_m', indkey: [2, 4], indisunique: false });
    expect((parentIndex!['indclass'] as unknown[]).every((x) => typeof x === 'number')).toBe(true);
    const [enums] = results.get('ENUMS_AND_SEQUENCES')![0];
    expect(enums).toMatchObject({
      labels: ['sad', 'ok', 'happy'],
      seqmax: '9223372036854775807',
      proargtypes: [26, 23],
    });
  });
});
