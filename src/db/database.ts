/**
 * A live database, either a PostgreSQL server (through `pg`) or an embedded PGlite. Both return
 * the same JS values for the same query: text-like, name, "char", reg* and uuid → string;
 * bool → boolean; int2/int4/oid/float → number; int8 and numeric → string (exact);
 * int2vector/oidvector → number[]; date/time/interval → the server's text; json/jsonb → parsed;
 * arrays of those → (nested) JS arrays with SQL NULL as null. Arrays of other types (e.g. of a
 * user-defined enum) are not normalized: cast them to text[] in the query.
 */
export interface Database {
  readonly kind: 'postgres' | 'pglite';
  /** Human-readable target with any password removed, safe to print. */
  readonly label: string;
  /**
   * Runs one statement with the extended protocol (so `$1` parameters work and a script of
   * several statements is rejected). Server errors are thrown as {@link QueryError}; a lost
   * connection as UserError.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements with the simple protocol; no parameters, no results. */
  exec(sql: string): Promise<void>;
  /** Closes the connection; safe to call more than once. */
  close(): Promise<void>;
}
