import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/index.js';
import { buildState, sampleParts } from '../report/sample-state.js';
import type { Change, Hazard, Safety } from '../../src/diff/change.js';
import { ch, col, diffOf, empty, view } from './fixtures.js';

/** The change as the plan lists it: with the class and hazards derived from its statements. */
const as = (c: Change, safety: Safety, ...hazards: Hazard[]) => ({ ...c, safety, hazards });

const users = { schema: 'public', name: 'users' };

describe('skipping destructive changes', () => {
  const dropColumn = ch({ kind: 'drop', object: 'column', ref: { schema: 'public', parent: 'users', name: 'select' }, reason: 'history' }, 'destructive');
  const addColumn = ch({ kind: 'addColumn', table: users, column: col('nick', 'text') });

  it('leaves destructive changes out unless allowed', () => {
    const live = buildState(sampleParts());
    const without = plan(diffOf(dropColumn, addColumn), live);
    expect(without.changes).toEqual([as(addColumn, 'safe')]);
    expect(without.skipped).toEqual([as(dropColumn, 'destructive', 'data loss')]);
    expect(without.steps.map((s) => s.sql)).toEqual(['ALTER TABLE public.users ADD COLUMN IF NOT EXISTS nick text']);

    const withDrops = plan(diffOf(dropColumn, addColumn), live, { allowDestructive: true });
    expect(withDrops.skipped).toEqual([]);
    expect(withDrops.steps.map((s) => s.sql)).toEqual([
      'ALTER TABLE public.users ADD COLUMN IF NOT EXISTS nick text',
      'ALTER TABLE IF EXISTS public.users DROP COLUMN IF EXISTS "select"',
    ]);
  });

  it('plans a replacement drop (review) with its re-creation', () => {
    const live = buildState(sampleParts());
    const drop = ch({ kind: 'drop', object: 'materialized view', ref: { schema: 'app', name: 'order_totals' }, reason: 'replace' }, 'review');
    const create = ch({ kind: 'createView', view: view('app', 'order_totals', 'SELECT 1 AS n', { materialized: true }), replace: false }, 'review');
    const p = plan(diffOf(create, drop), live);
    expect(p.skipped).toEqual([]);
    expect(p.steps.map((s) => s.sql)).toEqual(['DROP MATERIALIZED VIEW IF EXISTS app.order_totals', 'CREATE MATERIALIZED VIEW IF NOT EXISTS app.order_totals AS SELECT 1 AS n']);
  });

  it('skips the re-creation with a skipped replacement drop, and the drop with a skipped re-creation', () => {
    const live = buildState(sampleParts());
    const dropView = ch({ kind: 'drop', object: 'view', ref: { schema: 'public', name: 'z_user_names' }, reason: 'replace' }, 'destructive');
    const createView = ch({ kind: 'createView', view: view('public', 'z_user_names', 'SELECT 1 AS n'), replace: false });
    const first = plan(diffOf(dropView, createView, addColumn), live);
    expect(first.skipped).toEqual([as(dropView, 'destructive'), as(createView, 'safe')]);
    expect(first.changes).toEqual([as(addColumn, 'safe')]);

    const dropFn = ch({ kind: 'drop', object: 'function', ref: { schema: 'public', name: 'f' }, args: 'integer', reason: 'replace' }, 'review');
    const fnDef = { schema: 'public', name: 'f', identityArgs: 'integer', args: 'x integer', kind: 'function', returns: 'bigint', language: 'sql', body: 'SELECT 1', volatility: 'volatile', strict: false, securityDefiner: false } as const;
    const createFn = ch({ kind: 'createFunction', function: fnDef, replace: false }, 'destructive');
    const second = plan(diffOf(dropFn, createFn), live);
    expect(second.skipped).toEqual([as(dropFn, 'review'), as(createFn, 'destructive')]);
    expect(second.steps).toEqual([]);
    expect(plan(diffOf(dropFn, createFn), live, { allowDestructive: true }).steps.map((s) => s.sql)).toEqual([
      'DROP FUNCTION IF EXISTS public.f(integer)',
      'CREATE OR REPLACE FUNCTION public.f(x integer) RETURNS bigint LANGUAGE sql AS $$SELECT 1$$',
    ]);
  });

  it('reports what PostgreSQL cannot do as drift, with the diff\'s own drift and unmanaged objects', () => {
    const dropLabel = ch({ kind: 'drop', object: 'enum value', ref: { schema: 'app', parent: 'mood', name: 'sad' }, reason: 'history' }, 'destructive');
    const diff = {
      changes: [dropLabel, addColumn],
      unmanaged: [{ object: 'table' as const, ref: { schema: 'public', name: 'legacy' } }],
      drift: [{ object: 'table' as const, ref: users, message: 'unlogged' }],
    };
    const p = plan(diff, empty(), { allowDestructive: true });
    expect(p.changes).toEqual([as(addColumn, 'safe')]);
    expect(p.unmanaged).toEqual(diff.unmanaged);
    expect(p.drift).toEqual([
      { object: 'table', ref: users, message: 'unlogged' },
      { object: 'enum value', ref: { schema: 'app', parent: 'mood', name: 'sad' }, message: 'PostgreSQL cannot drop an enum label' },
    ]);
  });
});
