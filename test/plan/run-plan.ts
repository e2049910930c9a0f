import type { Database } from '../../src/db/index.js';
import { TRANSACTION_SETTINGS } from '../../src/plan/index.js';
import type { Plan } from '../../src/plan/types.js';

/**
 * Runs a plan the way `apply` is meant to: enum labels first, then the transactional steps in one
 * transaction, then the others one by one. Each failure names the step.
 */
export async function runPlan(db: Database, p: Plan): Promise<void> {
  const run = async (sql: string, id: number): Promise<void> => {
    try {
      await db.exec(sql);
    } catch (e) {
      throw new Error(`step ${id} failed: ${(e as Error).message}\n${sql}`);
    }
  };
  // Enum labels later steps use are committed in a first transaction, as apply does.
  for (const early of [true, false]) {
    await db.exec('BEGIN');
    for (const setting of TRANSACTION_SETTINGS) await db.exec(setting);
    try {
      for (const s of p.steps) if (s.transactional && !!s.early === early) await run(s.sql, s.id);
      await db.exec('COMMIT');
    } catch (e) {
      await db.exec('ROLLBACK');
      throw e;
    }
  }
  for (const s of p.steps) if (!s.transactional) await run(s.sql, s.id);
}
