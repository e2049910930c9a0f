/** What `introspect` reads. */
export interface IntrospectOptions {
  /**
   * Schemas to read. Default: every schema that is not a system one (`pg_*`, including the
   * per-session `pg_temp_N` / `pg_toast*`, and `information_schema`).
   */
  readonly schemas?: readonly string[];
  /**
   * Include the `alembic_version` table (in any schema). Default false: it is Alembic's own
   * bookkeeping, which migrations never create with DDL of their own.
   */
  readonly includeAlembicVersion?: boolean;
  /**
   * lock_timeout for the catalog read when the session has none (default 5 s): a table held
   * ACCESS EXCLUSIVE elsewhere then fails the read with its name instead of hanging.
   */
  readonly lockTimeoutMs?: number;
  /** Read owners too (`--owners`): they are compared only when asked, since deploy roles differ. */
  readonly owners?: boolean;
}
