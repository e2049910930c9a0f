/**
 * What each transaction of a plan sets first, `apply`'s and the `plan --format sql` script's:
 * `check_function_bodies = off`, as pg_dump's output does. A LANGUAGE sql function's quoted body
 * is otherwise checked against the catalog at CREATE time, so a body naming an object the plan
 * creates later (two functions calling each other, a table whose default calls the function) fails
 * on a database the history itself built (its referent existed then, or it set the parameter off).
 * SET LOCAL ends with the transaction: nothing leaks to the session or a pool. The steps run outside
 * any transaction (CREATE INDEX CONCURRENTLY) create no function and keep the server's setting.
 */
export const TRANSACTION_SETTINGS: readonly string[] = ['SET LOCAL check_function_bodies = off'];
