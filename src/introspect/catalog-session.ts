import type { Database } from '../db/index.js';

/** Settings of the connection while the catalog is read. */
export interface CatalogSession {
  readonly serverVersion: number;
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
 */
export async function openCatalogSession(db: Database): Promise<CatalogSession> {
  const [row] = await db.query<{ version: number; previous: string }>(
    `SELECT current_setting('server_version_num')::int AS version, s.previous,
       set_config('search_path', $1, false) AS pinned
     FROM (SELECT current_setting('search_path') AS previous OFFSET 0) s`,
    [PINNED_SEARCH_PATH],
  );
  if (!row) throw new Error('could not read server_version_num');
  return {
    serverVersion: row.version,
    restore: async () => {
      await db.query(`SELECT set_config('search_path', $1, false)`, [row.previous]);
    },
  };
}
