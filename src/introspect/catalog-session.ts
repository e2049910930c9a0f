import type { Database } from '../db/index.js';

/** Settings of the connection while the catalog is read. */
export interface CatalogSession {
  readonly serverVersion: number;
  /** The lock_timeout in force while reading, in ms (0: none). */
  readonly lockTimeoutMs: number;
  /** Puts the caller's search_path back. */
  restore(): Promise<void>;
}

/** The search_path the replay side assumes: unqualified names are in `public`. */
const PINNED_SEARCH_PATH = 'public';

/**
 * Reads the server version and pins search_path to `public` for the session. pg_get_expr,
 * pg_get_viewdef, pg_get_constraintdef and friends qualify a name only when it is not visible on
 * the search_path (`'new'::app.status` vs `'new'::status`, `nextval('users_id_seq'::regclass)`),
 * so without pinning the text would depend on the role's or database's configured search_path.
 * The subquery with OFFSET 0 is evaluated before set_config runs, so it sees the old value.
 * JIT is switched off too: the bulk queries' estimated costs pass jit_above_cost on large
 * catalogs, and compiling them (seen: 2.2 s for the column query at 5,000 tables) costs more
 * than running them (1.2 s with JIT, 0.3 s without).
 * Parallel workers are switched off: the column query's plan has two at 5,000 tables, which on a
 * small server compete with the client lowering the rows for ~0.3-0.5 s of CPU and no wall gain.
 * Without a lock_timeout of the caller's, one of `lockTimeoutMs` is set: those functions open
 * the tables they print, so a table held ACCESS EXCLUSIVE (VACUUM FULL, a long ALTER) would make
 * the read wait for it, unbounded, even when nothing is to be done to that table.
 */
export async function openCatalogSession(db: Database, lockTimeoutMs: number): Promise<CatalogSession> {
  const [row] = await db.query<{ version: number; previous: string; previous_jit: string | null; previous_lock: string; previous_parallel: string; lock_ms: number }>(
    `SELECT current_setting('server_version_num')::int AS version, s.previous, s.previous_jit, s.previous_lock, s.previous_parallel,
       set_config('search_path', $1, false) AS pinned,
       set_config('max_parallel_workers_per_gather', '0', false) AS serial,
       CASE WHEN s.previous_jit IS NOT NULL THEN set_config('jit', 'off', false) END AS jit,
       CASE WHEN s.previous_lock = '0' THEN set_config('lock_timeout', $2, false) END AS lock,
       CASE WHEN s.previous_lock = '0' THEN $2::int ELSE 0 END AS lock_ms
     FROM (SELECT current_setting('search_path') AS previous, current_setting('jit', true) AS previous_jit,
             current_setting('lock_timeout') AS previous_lock,
             current_setting('max_parallel_workers_per_gather') AS previous_parallel OFFSET 0) s`,
    [PINNED_SEARCH_PATH, String(Math.max(0, Math.round(lockTimeoutMs)))],
  );
  if (!row) throw new Error('could not read server_version_num');
  const ownTimeout = row.previous_lock === '0';
  return {
    serverVersion: row.version,
    lockTimeoutMs: ownTimeout ? row.lock_ms : -1,
    restore: async () => {
      await db.query(
        `SELECT set_config('search_path', $1, false), CASE WHEN $2::text IS NOT NULL THEN set_config('jit', $2, false) END,
           CASE WHEN $3 THEN set_config('lock_timeout', '0', false) END, set_config('max_parallel_workers_per_gather', $4, false)`,
        [row.previous, row.previous_jit, ownTimeout, row.previous_parallel],
      );
    },
  };
}
