/** Live database access: one small interface over `pg` and PGlite. */
export type { Database } from './database.js';
export { openDatabase, type OpenOptions } from './open-database.js';
export { resolveDatabaseTarget, PG_ENV_TARGET } from './resolve-target.js';
export { redactConnectionString } from './redact.js';
export { QueryError, type QueryErrorFields } from './query-error.js';
export { describeLockHolders, isLockTimeout } from './lock-holders.js';
