import type { Database } from './database.js';

/** SQLSTATE 55P03 lock_not_available: lock_timeout expired (or NOWAIT). */
export const LOCK_NOT_AVAILABLE = '55P03';

/** Is this error a lock timeout? */
export const isLockTimeout = (e: unknown): boolean => (e as { code?: string } | null)?.code === LOCK_NOT_AVAILABLE;

/**
 * Who holds locks on tables of this database, strongest first, as "public.orders
 * (AccessExclusiveLock, pid 4242: VACUUM FULL orders)". Read after a lock timeout: the wait is
 * over by then, so pg_blocking_pids() has nothing to say, but the holder usually still holds it.
 * `exclusiveOnly`: only ACCESS EXCLUSIVE, the one lock that blocks catalog reads (pg_get_expr and
 * friends open the table). Undefined when nothing is held (the holder finished meanwhile).
 */
export async function describeLockHolders(db: Database, exclusiveOnly: boolean): Promise<string | undefined> {
  const rows = await db.query<{ rel: string; mode: string; pid: number; query: string | null }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS rel, l.mode, l.pid, left(regexp_replace(a.query, '\\s+', ' ', 'g'), 80) AS query
     FROM pg_catalog.pg_locks l
     JOIN pg_catalog.pg_class c ON c.oid = l.relation
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
     WHERE l.granted AND l.pid <> pg_catalog.pg_backend_pid() AND l.locktype = 'relation'
       AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       AND ($1::boolean IS FALSE OR l.mode = 'AccessExclusiveLock')
     ORDER BY l.mode = 'AccessExclusiveLock' DESC, l.mode DESC, 1
     LIMIT 4`,
    [exclusiveOnly],
  );
  if (!rows.length) return undefined;
  return rows.map((r) => `${r.rel} (${r.mode}, pid ${r.pid}${r.query ? `: ${r.query}` : ''})`).join('; ');
}
