import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import {
  apply, compareStates, diff, fingerprint, introspect, loadMigrations, openDatabase, plan, redactConnectionString,
  renderPlanJson, renderPlanSql, renderPlanText, renderStateSql, replay, resolveDatabaseTarget, summarizePlan,
  ApplyError, UserError, type Database, type Plan, type SchemaState,
} from '../../src/index.js';

describe('library API (src/index.ts)', () => {
  let db: Database;
  let target: SchemaState;

  beforeAll(async () => {
    db = await openDatabase('pglite:memory');
    const history = await loadMigrations('alembic-versions');
    const result = replay(history);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    target = result.state;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('exports every documented entry point', () => {
    for (const name of [
      'loadMigrations', 'replay', 'introspect', 'diff', 'plan', 'fingerprint', 'apply', 'ApplyError', 'openDatabase',
      'redactConnectionString', 'resolveDatabaseTarget', 'compareStates', 'renderStateSql', 'renderPlanText',
      'renderPlanSql', 'renderPlanJson', 'summarizePlan', 'UserError', 'readAlembicVersion', 'hasRevisionIds',
    ]) {
      expect(typeof (lib as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(new ApplyError({ id: 1, change: 0, sql: 'SELECT 1', transactional: true, description: 'x' }, undefined, 'boom', true))
      .toBeInstanceOf(UserError);
  });

  it('plans the whole history against an empty database without touching it', async () => {
    const live = await introspect(db);
    const p: Plan = plan(diff(target, live), live);
    expect(p.steps.length).toBeGreaterThan(0);
    expect(p.fingerprint).toBe(fingerprint(live));
    const summary = summarizePlan(p, 0);
    expect(summary.steps).toBe(p.steps.length);
    expect(renderPlanText(p, summary)).toContain('Summary:');
    expect(renderPlanSql(p)).toMatch(/^BEGIN;$/m);
    expect(JSON.parse(renderPlanJson(p, summary)).fingerprint).toBe(p.fingerprint);
    expect(renderStateSql(await introspect(db))).toBe(renderStateSql(live));
  });

  it('apply with a target promise that rejects writes nothing, releases its lock and passes the error on', async () => {
    const advisoryLocks = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory'`))[0]!.n);
    const failing = new Promise<SchemaState>((_resolve, reject) => setTimeout(() => reject(new UserError('replay failed')), 20));
    await expect(apply(db, failing)).rejects.toThrow('replay failed');
    expect(await advisoryLocks()).toBe(0);
    expect((await introspect(db)).tables.size).toBe(0);
  });

  it('replay -> apply -> introspect converges: no differences, and a new plan has no steps', async () => {
    const result = await apply(db, target);
    expect(result.appliedSteps).toBeGreaterThan(0);
    expect(result.remaining.steps).toEqual([]);
    const live = await introspect(db);
    expect(compareStates(target, live)).toEqual([]);
    expect(plan(diff(target, live), live).steps).toEqual([]);
    expect(renderStateSql(live)).toBe(renderStateSql(target));
    // Nothing left to apply: the catalog read inside the lock is the verification, not read twice.
    const again = await apply(db, Promise.resolve(target));
    expect(again.appliedSteps).toBe(0);
    expect(again.remaining).toBe(again.plan);
  });

  it('resolves and redacts database targets', () => {
    expect(resolveDatabaseTarget(undefined, {})).toBeUndefined();
    expect(resolveDatabaseTarget(undefined, { DATABASE_URL: 'pglite:memory' })).toBe('pglite:memory');
    expect(redactConnectionString('postgres://app:s3cret@db.example/prod')).toBe('postgres://app:***@db.example/prod');
  });
});
