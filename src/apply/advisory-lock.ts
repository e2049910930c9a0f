import type { Database } from '../db/index.js';
import { UserError } from '../errors.js';

/**
 * The advisory lock every schema-sync apply takes on a database (a fixed pair of int4 keys), so
 * two deploys never apply at once: the second waits, then re-plans and finds nothing to do.
 */
const LOCK_KEYS = [0x5c4e_7379, 0x6e63] as const;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Takes the session advisory lock, polling until `waitMs` is spent; then a clear UserError. */
export async function acquireApplyLock(db: Database, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    const [row] = await db.query<{ locked: boolean }>('SELECT pg_catalog.pg_try_advisory_lock($1, $2) AS locked', [...LOCK_KEYS]);
    if (row?.locked) return;
    if (Date.now() >= deadline) {
      throw new UserError(
        `another schema-sync apply is running on this database (advisory lock held); waited ${Math.round(waitMs / 1000)} s, nothing was applied (raise --lock-wait to wait longer)`,
      );
    }
    await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
  }
}

/** Releases the lock (also released when the session ends, e.g. if the process is killed). */
export async function releaseApplyLock(db: Database): Promise<void> {
  await db.query('SELECT pg_catalog.pg_advisory_unlock($1, $2)', [...LOCK_KEYS]);
}
