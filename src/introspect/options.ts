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
}
