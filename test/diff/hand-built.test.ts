import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import type { HistoryEvent } from '../../src/model/history.js';
import type { ExtensionDef, FunctionDef, TableDef, TriggerDef, ViewDef } from '../../src/model/objects.js';
import { emptyState, functionKey, relationKey, triggerKey, type SchemaState } from '../../src/model/schema-state.js';
import { assessed, behind, changesOf, summary } from './replayed-states.js';

/** The same state with every map filled in reverse order and every object's keys reversed. */
function scrambled(s: SchemaState): SchemaState {
  const rev = <T>(v: T): T => {
    if (Array.isArray(v)) return v.map(rev) as T;
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, rev(x)])) as T;
    return v;
  };
  const map = <T>(m: ReadonlyMap<string, T>): Map<string, T> => new Map([...m].reverse().map(([k, v]) => [k, rev(v)]));
  return {
    schemas: map(s.schemas), extensions: map(s.extensions), enums: map(s.enums), domains: map(s.domains), compositeTypes: map(s.compositeTypes), rangeTypes: map(s.rangeTypes), collations: map(s.collations), operators: map(s.operators), sequences: map(s.sequences), tables: map(s.tables),
    indexes: map(s.indexes), views: map(s.views), functions: map(s.functions), aggregates: map(s.aggregates), triggers: map(s.triggers), policies: map(s.policies), rules: map(s.rules), history: s.history,
  };
}

const fn = (name: string, extra: Partial<FunctionDef> = {}): FunctionDef => ({
  schema: 'public', name, identityArgs: '', args: '', kind: 'function', returns: 'trigger', language: 'plpgsql',
  body: ' BEGIN RETURN NEW; END ', volatility: 'volatile', strict: false, securityDefiner: false, ...extra,
});
const trigger = (name: string, fnName: string, extra: Partial<TriggerDef> = {}): TriggerDef => ({
  schema: 'public', table: 't', name, timing: 'before', events: ['insert'], updateColumns: [], forEachRow: true,
  function: { schema: 'public', name: fnName }, args: [], constraint: false, deferrable: false, initiallyDeferred: false, ...extra,
});
const table: TableDef = { schema: 'public', name: 't', unlogged: false, columns: [{ name: 'a', type: 'integer', notNull: false }], constraints: [] };

function state(parts: {
  functions?: FunctionDef[]; triggers?: TriggerDef[]; tables?: TableDef[]; views?: ViewDef[]; extensions?: ExtensionDef[];
  schemas?: string[]; history?: HistoryEvent[];
}): SchemaState {
  const base = emptyState();
  return {
    ...base,
    schemas: new Map([...base.schemas, ...(parts.schemas ?? []).map((n) => [n, { name: n }] as const)]),
    extensions: new Map((parts.extensions ?? []).map((e) => [e.name, e])),
    tables: new Map((parts.tables ?? []).map((t) => [relationKey(t.schema, t.name), t])),
    views: new Map((parts.views ?? []).map((v) => [relationKey(v.schema, v.name), v])),
    functions: new Map((parts.functions ?? []).map((f) => [functionKey(f.schema, f.name, f.identityArgs), f])),
    triggers: new Map((parts.triggers ?? []).map((t) => [triggerKey(t.schema, t.table, t.name), t])),
    history: parts.history ?? [],
  };
}

describe('diff: determinism and hand-built states', () => {
  it('the result does not depend on map insertion order or property order', () => {
    const { target, live } = behind(
      [
        `CREATE TYPE e AS ENUM ('a'); CREATE TABLE a (id serial PRIMARY KEY, x int); CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);
         CREATE INDEX b_a ON b (a_id); CREATE TABLE gone (id int); CREATE VIEW v AS SELECT id FROM a;`,
        `ALTER TABLE a RENAME TO aa; ALTER TABLE aa RENAME COLUMN x TO y; ALTER TYPE e ADD VALUE 'b'; DROP TABLE gone;
         CREATE TABLE c (id int PRIMARY KEY, b_id int REFERENCES b); CREATE INDEX c_b ON c (b_id); CREATE INDEX aa_y ON aa (y);
         COMMENT ON TABLE b IS 'bee'; ALTER TABLE b ALTER COLUMN a_id SET NOT NULL;`,
      ],
      1,
    );
    const r = diff(target, live);
    expect(r.changes.length).toBeGreaterThan(8);
    expect(diff(scrambled(target), scrambled(live))).toEqual(r);
    expect(diff(target, live)).toEqual(r);
  });

  it('a trigger on a renamed function is compared under the function\'s new name', () => {
    const history: HistoryEvent[] = [{ event: 'rename', object: 'function', from: { schema: 'public', name: 'f' }, to: { schema: 'public', name: 'f2' } }];
    const target = state({ tables: [table], functions: [fn('f2')], triggers: [trigger('tr', 'f2')], history });
    const live = state({ tables: [table], functions: [fn('f')], triggers: [trigger('tr', 'f')] });
    expect(summary(diff(target, live))).toEqual(['rename function public.f -> public.f2']);
  });

  it('constraint triggers cannot be replaced in place: drop and create', () => {
    const target = state({ tables: [table], functions: [fn('f')], triggers: [trigger('tr', 'f', { constraint: true, timing: 'after', deferrable: true })] });
    const live = state({ tables: [table], functions: [fn('f')], triggers: [trigger('tr', 'f', { constraint: true, timing: 'after' })] });
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual(['drop trigger public.t.tr (replace)', 'createTrigger public.t.tr']);
    expect(changesOf(r, 'createTrigger')[0]).toMatchObject({ replace: false, safety: 'review' });
  });

  it('a view that became a materialized view is dropped and created', () => {
    const view = (materialized: boolean): ViewDef => ({ schema: 'public', name: 'v', materialized, query: 'SELECT 1', definition: 'SELECT 1' });
    const r = diff(state({ views: [view(true)] }), state({ views: [view(false)] }));
    expect(summary(r)).toEqual(['drop view public.v (replace)', 'createView public.v']);
  });

  it('view column lists and executable text are not compared, only the canonical query', () => {
    const t: ViewDef = { schema: 'public', name: 'v', materialized: false, query: 'SELECT 1 AS x', definition: 'SELECT 1 AS x;', columns: ['x'] };
    const l: ViewDef = { schema: 'public', name: 'v', materialized: false, query: 'SELECT 1 AS x', definition: ' SELECT 1 AS x' };
    expect(diff(state({ views: [t] }), state({ views: [l] })).changes).toEqual([]);
  });

  it('table logging is a setLogged change (a rewrite: review); partitioning differences are drift', () => {
    const live = state({ tables: [table] });
    const r = assessed(diff(state({ tables: [{ ...table, unlogged: true }] }), live), live);
    expect(r.changes).toEqual([
      { kind: 'setLogged', table: { schema: 'public', name: 't' }, unlogged: true, safety: 'review', hazards: ['table rewrite', 'access exclusive lock'] },
    ]);
    expect(r.drift).toEqual([]);
    const partitioned = diff(state({ tables: [{ ...table, partitionBy: 'RANGE (id)' }] }), state({ tables: [table] }));
    expect(partitioned.changes).toEqual([]);
    expect(partitioned.drift).toEqual([expect.objectContaining({ object: 'table', ref: { schema: 'public', name: 't' }, message: expect.stringMatching(/partitioning differs/) })]);
  });

  it('extensions and schemas: created, dropped by history, or unmanaged; extension schema is not compared', () => {
    const history: HistoryEvent[] = [{ event: 'drop', object: 'extension', ref: { schema: 'public', name: 'hstore' } }];
    const target = state({ extensions: [{ name: 'citext' }, { name: 'pgcrypto' }], schemas: ['app'], history });
    const live = state({ extensions: [{ name: 'pgcrypto', schema: 'public' }, { name: 'hstore', schema: 'public' }, { name: 'ltree', schema: 'public' }], schemas: ['ops'] });
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual(['createSchema app', 'createExtension citext', 'drop extension public.hstore (history)']);
    expect(r.unmanaged).toEqual([
      { object: 'schema', ref: { schema: 'ops', name: 'ops' } },
      { object: 'extension', ref: { schema: 'public', name: 'ltree' } },
    ]);
  });

  it('function comments carry the identity arguments', () => {
    const f = fn('f', { identityArgs: 'integer', args: 'x integer', returns: 'integer', language: 'sql', body: 'SELECT x' });
    const r = diff(state({ functions: [{ ...f, comment: 'doubles' }] }), state({ functions: [f] }));
    expect(changesOf(r, 'setComment')).toEqual([
      { kind: 'setComment', object: 'function', ref: { schema: 'public', name: 'f' }, args: 'integer', comment: 'doubles' },
    ]);
  });
});
