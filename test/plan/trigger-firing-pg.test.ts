import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { plan } from '../../src/plan/index.js';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision, replayedClean } from '../support/converge-with-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

const { db } = perTestResources();

const TRIGGER = (name: string, on = 'BEFORE INSERT'): string => `CREATE TRIGGER ${name} ${on} ON t FOR EACH ROW EXECUTE FUNCTION trg();`;

/**
 * Trigger firing states (pg_trigger.tgenabled D / R / A / O, which pg_dump prints as ALTER TABLE
 * .. DISABLE / ENABLE [REPLICA | ALWAYS] TRIGGER): a trigger differing only in how it fires is
 * altered in place; one defined differently is created again and then gets its firing state.
 * CREATE OR REPLACE TRIGGER resets the firing state to enabled and keeps the comment.
 */
const HISTORY = revisionsFromSql('trigger-firing', [
  `CREATE TABLE t (a int);
   CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
   ${TRIGGER('x_disabled')} ${TRIGGER('x_replica')} ${TRIGGER('x_always')} ${TRIGGER('x_enabled')} ${TRIGGER('x_redefined')}
   ALTER TABLE t DISABLE TRIGGER x_enabled;
   CREATE CONSTRAINT TRIGGER x_constraint AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();
   ${TRIGGER('x_replaced')} COMMENT ON TRIGGER x_replaced ON t IS 'kept'; ALTER TABLE t DISABLE TRIGGER x_replaced;`,
  `ALTER TABLE t DISABLE TRIGGER x_disabled;
   ALTER TABLE t ENABLE REPLICA TRIGGER x_replica;
   ALTER TABLE t ENABLE ALWAYS TRIGGER x_always;
   ALTER TABLE t ENABLE TRIGGER x_enabled;
   ALTER TABLE t DISABLE TRIGGER x_redefined;
   ALTER TABLE t ENABLE REPLICA TRIGGER x_constraint;
   CREATE OR REPLACE TRIGGER x_replaced AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();`,
  `DROP TRIGGER x_redefined ON t; ${TRIGGER('x_redefined', 'AFTER UPDATE')}
   ALTER TABLE t ENABLE ALWAYS TRIGGER x_redefined;
   DROP TRIGGER x_constraint ON t;
   CREATE CONSTRAINT TRIGGER x_constraint AFTER UPDATE ON t DEFERRABLE FOR EACH ROW EXECUTE FUNCTION trg();
   ALTER TABLE t DISABLE TRIGGER x_constraint;`,
]);

describe('trigger firing states converge (judged by pg_dump)', () => {
  convergesFromEachRevision(HISTORY, db);

  it('alters a trigger that differs only in its firing state in place, as a review change with no drop', async () => {
    const f = await db();
    await runMigrations(f.db, HISTORY.slice(0, 1));
    const live = await introspect(f.db);
    const p = plan(diff(replayedClean(HISTORY.slice(0, 2)), live), live);
    const firing = p.changes.filter((c) => c.kind === 'setTriggerFiring');
    expect(firing.map((c) => [c.kind === 'setTriggerFiring' && c.trigger.name, c.safety])).toEqual(
      expect.arrayContaining([['x_disabled', 'review'], ['x_replica', 'review'], ['x_always', 'review'], ['x_enabled', 'review'], ['x_redefined', 'review'], ['x_constraint', 'review']]),
    );
    expect(firing).toHaveLength(6);
    const sql = p.steps.map((s) => s.sql);
    // x_replaced was replaced by another definition (CREATE OR REPLACE): created again, enabled.
    expect(sql.filter((s) => /DROP TRIGGER|CREATE (CONSTRAINT )?TRIGGER/.test(s) && !s.includes('x_replaced'))).toEqual([]);
    expect(sql).toEqual(expect.arrayContaining([
      'ALTER TABLE public.t DISABLE TRIGGER x_disabled',
      'ALTER TABLE public.t ENABLE REPLICA TRIGGER x_replica',
      'ALTER TABLE public.t ENABLE ALWAYS TRIGGER x_always',
      'ALTER TABLE public.t ENABLE TRIGGER x_enabled',
      'ALTER TABLE public.t DISABLE TRIGGER x_redefined',
      'ALTER TABLE public.t ENABLE REPLICA TRIGGER x_constraint',
    ]));
    expect(sql.filter((s) => s.includes('x_replaced') && /ENABLE|DISABLE/.test(s))).toEqual([]);
    expect(p.skipped).toEqual([]);
  });

  it('gives a trigger created again its firing state after the CREATE', async () => {
    const f = await db();
    await runMigrations(f.db, HISTORY.slice(0, 2));
    const live = await introspect(f.db);
    const sql = plan(diff(replayedClean(HISTORY), live), live, { allowDestructive: true }).steps.map((s) => s.sql);
    const at = (pattern: RegExp): number => sql.findIndex((s) => pattern.test(s));
    expect(at(/CREATE TRIGGER x_redefined AFTER UPDATE/)).toBeGreaterThanOrEqual(0);
    expect(at(/ENABLE ALWAYS TRIGGER x_redefined/)).toBeGreaterThan(at(/CREATE TRIGGER x_redefined AFTER UPDATE/));
    expect(at(/CREATE CONSTRAINT TRIGGER x_constraint AFTER UPDATE/)).toBeGreaterThanOrEqual(0);
    expect(at(/DISABLE TRIGGER x_constraint/)).toBeGreaterThan(at(/CREATE CONSTRAINT TRIGGER x_constraint/));
  });
});
