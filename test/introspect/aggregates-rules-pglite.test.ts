import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/index.js';
import { compareStates } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { replay } from '../../src/replay/index.js';
import { GOLDEN_CASES } from '../replay/golden-cases.js';
import { resetDatabase } from '../support/reset-database.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase('pglite:memory');
});
afterAll(async () => {
  await db?.close();
});

/** The aggregate and rule golden cases (checked on PostgreSQL by fidelity.test.ts) read the same from PGlite's catalog. */
describe('aggregates and rules introspected on PGlite', () => {
  for (const c of GOLDEN_CASES.filter((g) => /^(aggregates|rules):/.test(g.name))) {
    it(c.name.split(':')[0]!, async () => {
      await resetDatabase(db);
      const revisions = revisionsFromSql('pglite', c.revisions);
      await runMigrations(db, revisions);
      const live = await introspect(db, {});
      expect(live.aggregates.size + live.rules.size).toBeGreaterThan(0);
      expect(compareStates(replay(revisions).state, live)).toEqual([]);
    });
  }
});
