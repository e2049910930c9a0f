import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareStates } from '../../../src/diff/index.js';
import { introspect } from '../../../src/introspect/index.js';
import { loadMigrations } from '../../../src/load/index.js';
import { renderStateSql } from '../../../src/report/state-sql.js';
import { replay } from '../../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from '../../support/database.js';
import { resetDatabase } from '../../support/reset-database.js';
import { revisionsFromSql, runMigrations } from '../../support/run-migrations.js';

/**
 * Golden cases for Python revisions: each fixture folder holds .py revisions and expected.sql,
 * the SQL Alembic + SQLAlchemy emit for them (written from their PostgreSQL compilers). The
 * expected SQL is run on real PostgreSQL; the state interpreted from the .py files must equal
 * what PostgreSQL built, and so must the interpreted SQL when PostgreSQL runs it.
 */
const FIXTURES = 'test/fixtures/alembic-py';
let fresh: FreshDatabase;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => {
  await fresh?.drop();
});

async function built(revisions: Parameters<typeof runMigrations>[1]) {
  await resetDatabase(fresh.db);
  await runMigrations(fresh.db, revisions);
  return introspect(fresh.db, {});
}

describe('Python revisions interpret to what PostgreSQL builds from Alembic\'s SQL', () => {
  for (const name of ['constructs', 'evaluator', 'plugins']) {
    it(name, async () => {
      const folder = `${FIXTURES}/${name}`;
      const expectedSql = readFileSync(`${folder}/expected.sql`, 'utf8');
      const expected = revisionsFromSql(name, [expectedSql]);
      const live = await built(expected);

      const config = `${folder}/schema-sync.json`;
      const history = await loadMigrations(`${folder}/versions`, existsSync(config) ? { config } : {});
      expect(history.kind).toBe('python-folder');
      const result = replay(history);
      expect(result.diagnostics).toEqual([]);
      expect(compareStates(result.state, live)).toEqual([]);
      // `state` output is byte-identical to the hand-written SQL history's.
      expect(renderStateSql(result.state)).toBe(renderStateSql(replay(expected).state));
      // The interpreted SQL itself runs on PostgreSQL and builds the same schema.
      expect(compareStates(result.state, await built(history.revisions))).toEqual([]);
    });
  }
});
