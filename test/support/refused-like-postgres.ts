import { afterAll, beforeAll, expect, it } from 'vitest';
import { replay } from '../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from './database.js';
import { resetDatabase } from './reset-database.js';
import { revisionsFromSql, runMigrations } from './run-migrations.js';

/** A statement sequence PostgreSQL refuses, and the message it (and replay) gives. */
export interface RefusedCase {
  readonly name: string;
  readonly sql: string;
  readonly message: RegExp;
}

/**
 * Registers, in the calling describe, one test per case: PostgreSQL refuses the SQL with the
 * message, and replay reports exactly one error matching it.
 */
export function refusedLikePostgres(cases: readonly RefusedCase[]): void {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase();
  });
  afterAll(async () => {
    await fresh?.drop();
  });
  for (const c of cases) {
    it(c.name, async () => {
      await resetDatabase(fresh.db);
      const revisions = revisionsFromSql('refused', [c.sql]);
      await expect(runMigrations(fresh.db, revisions)).rejects.toThrow(c.message);
      const errors = replay(revisions).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(c.message)]);
    });
  }
}
