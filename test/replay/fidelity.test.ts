import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareStates } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { loadMigrations } from '../../src/load/index.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { resetDatabase } from '../support/reset-database.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { GOLDEN_CASES } from './golden-cases.js';

/**
 * The central test: for every golden case and for the example history, the migration SQL is run
 * on real PostgreSQL and introspected, and the replayed state must equal it object for object.
 */
let fresh: FreshDatabase;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => {
  await fresh?.drop();
});

describe('replay equals what PostgreSQL builds', () => {
  for (const c of GOLDEN_CASES) {
    it(c.name, async () => {
      await resetDatabase(fresh.db);
      const revisions = revisionsFromSql('golden', c.revisions);
      await runMigrations(fresh.db, revisions);
      const live = await introspect(fresh.db, {});
      const result = replay(revisions);
      expect(result.diagnostics).toEqual([]);
      expect(compareStates(result.state, live)).toEqual([]);
      for (const name of c.expectIndexesOrConstraints ?? []) {
        const names = [
          ...[...result.state.indexes.values()].map((i) => i.name),
          ...[...result.state.tables.values()].flatMap((t) => t.constraints.map((x) => x.name)),
        ];
        expect(names).toContain(name);
      }
      const checks = [...result.state.domains.values()].flatMap((d) => d.checks.map((x) => `${d.schema}.${d.name}.${x.name}`));
      for (const name of c.expectDomainChecks ?? []) expect(checks).toContain(name);
    });
  }

  it('the example history in alembic-versions/', async () => {
    await resetDatabase(fresh.db);
    const history = await loadMigrations('alembic-versions');
    await runMigrations(fresh.db, history.revisions);
    const live = await introspect(fresh.db, {});
    const result = replay(history);
    expect(result.diagnostics).toEqual([]);
    expect(compareStates(result.state, live)).toEqual([]);
    expect(result.state.tables.size).toBeGreaterThan(5);
  });
});
