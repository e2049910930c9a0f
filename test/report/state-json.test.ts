import { describe, expect, it } from 'vitest';
import type { SchemaState } from '../../src/model/schema-state.js';
import { renderStateJson, stateToJson } from '../../src/report/state-json.js';
import { buildState, sampleParts } from './sample-state.js';

function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
  }
  return value;
}

function withHistory(state: SchemaState): SchemaState {
  return {
    ...state,
    history: [
      {
        event: 'rename', object: 'column', from: { schema: 'public', name: 'mail', parent: 'users' }, to: { schema: 'public', name: 'E-mail', parent: 'users' },
        origin: { revision: 'r2', file: 'versions/r2.sql', line: 7 },
      },
      { event: 'drop', object: 'table', ref: { schema: 'public', name: 'old' }, origin: { revision: null, file: 'x.sql', line: 1 } },
    ],
  };
}

describe('stateToJson', () => {
  it('sorts collections by key and constraints by name, and keeps ordered lists', () => {
    const json = stateToJson(buildState(sampleParts()), { withOrigin: false });
    expect(json.version).toBe(1);
    expect(json.schemas.map((s) => s.name)).toEqual(['Sales Ops', 'app', 'public']);
    expect(json.tables.map((t) => `${t.schema}.${t.name}`)).toEqual([
      'Sales Ops.Tickets', 'app.Order Items', 'app.m2024', 'app.measurements', 'public.events', 'public.users',
    ]);
    const users = json.tables.find((t) => t.name === 'users')!;
    expect(users.constraints.map((c) => c.name)).toEqual(['users_E-mail_key', 'users_größe_check', 'users_last_order_fkey', 'users_pkey']);
    expect(users.columns.map((c) => c.name).slice(0, 3)).toEqual(['id', 'E-mail', 'select']);
    expect(json.enums[0]!.values).toEqual(['happy', "it's ok", 'sad']);
    expect(json.functions.map((f) => f.name)).toEqual(['add', 'noop', 'touch']);
    expect(json.triggers.map((t) => t.name)).toEqual(['Users Audit', 'users_touch']);
  });

  it('has a fixed key order whatever order the objects were built in, and no undefined fields', () => {
    const a = renderStateJson(buildState(sampleParts()), { withOrigin: true });
    const b = renderStateJson(buildState(reversedKeys(sampleParts()), true), { withOrigin: true });
    expect(b).toBe(a);
    const users = stateToJson(buildState(reversedKeys(sampleParts())), { withOrigin: false }).tables.find((t) => t.name === 'users')!;
    expect(Object.keys(users)).toEqual(['schema', 'name', 'unlogged', 'columns', 'constraints', 'comment']);
    expect(Object.keys(users.columns[0]!)).toEqual(['name', 'type', 'notNull', 'default']);
    expect(Object.keys(users.constraints[2]!)).toEqual(['name', 'type', 'columns', 'references', 'validated', 'deferrable', 'initiallyDeferred']);
  });

  it('includes origins only when asked', () => {
    const state = withHistory(buildState(sampleParts()));
    const without = renderStateJson(state, { withOrigin: false });
    expect(without).not.toContain('origin');
    expect(without).not.toContain('abc123');
    const withO = stateToJson(state, { withOrigin: true });
    expect(withO.tables.find((t) => t.name === 'users')!.origin).toEqual({ revision: 'abc123', file: 'versions/abc123_init.sql', line: 3 });
    expect(withO.history[1]).toEqual({ event: 'drop', object: 'table', ref: { schema: 'public', name: 'old' }, origin: { revision: null, file: 'x.sql', line: 1 } });
  });

  it('keeps history in order, as plain data', () => {
    const json = stateToJson(withHistory(buildState(sampleParts())), { withOrigin: false });
    expect(json.history).toEqual([
      { event: 'rename', object: 'column', from: { schema: 'public', name: 'mail', parent: 'users' }, to: { schema: 'public', name: 'E-mail', parent: 'users' } },
      { event: 'drop', object: 'table', ref: { schema: 'public', name: 'old' } },
    ]);
  });
});

describe('renderStateJson', () => {
  it('is 2-space indented JSON with a trailing newline that parses back to stateToJson', () => {
    const state = buildState(sampleParts());
    const text = renderStateJson(state, { withOrigin: false });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "version": 1,\n  "schemas": [\n    {\n      "name": "Sales Ops"\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(stateToJson(state, { withOrigin: false }));
  });

  it('copies arrays, so the JSON never aliases the state', () => {
    const state = buildState(sampleParts());
    const json = stateToJson(state, { withOrigin: false });
    expect(json.enums[0]!.values).not.toBe([...state.enums.values()][0]!.values);
  });
});
