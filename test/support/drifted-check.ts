import { expect } from 'vitest';
import type { FreshDatabase } from './database.js';
import { runCli, type CliResult } from './run-cli.js';
import { revisionsFromSql, runMigrations } from './run-migrations.js';
import { writeHistory } from './temp-history.js';

/**
 * The `check` drift skeleton: `f` built from `history` as psql would run it must check in sync;
 * after `drift` runs live, `check` must exit 2. Returns the history folder and that check's output.
 */
export async function checkAfterDrift(f: FreshDatabase, history: readonly string[], drift: string): Promise<{ dir: string; check: CliResult }> {
  const dir = await writeHistory(history);
  await runMigrations(f.db, revisionsFromSql('psql', history));
  expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
  await f.db.exec(drift);
  const check = await runCli(['check', '-m', dir, '-d', f.url]);
  expect(check.code).toBe(2);
  return { dir, check };
}
