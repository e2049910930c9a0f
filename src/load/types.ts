/** One Alembic revision: its SQL and where that SQL sits in its file (for file:line messages). */
export interface Revision {
  /** Alembic revision id, or the file's base name when the folder has no headers. */
  readonly id: string;
  /** down_revision ids; several for a merge revision, none for a root. */
  readonly parents: readonly string[];
  /** Path of the file the SQL came from, as given by the user (relative paths stay relative). */
  readonly file: string;
  /** The revision's SQL text. */
  readonly sql: string;
  /** 1-based line in `file` at which `sql` starts (offline scripts hold many revisions). */
  readonly startLine: number;
  /**
   * For SQL generated from a Python revision: the line in `file` of each line of `sql`
   * (index 0 = first line), i.e. the op.* call that produced it. Overrides `startLine`.
   */
  readonly lineMap?: readonly number[];
  /** Data-side Python code that was not interpreted (queries, bulk inserts), with its line. */
  readonly skipped?: readonly { readonly line: number; readonly text: string }[];
}

/** The revisions to replay, in execution order, and where they came from. */
export interface MigrationHistory {
  readonly source: string;
  readonly kind: 'revision-folder' | 'plain-folder' | 'offline-script' | 'python-folder';
  readonly revisions: readonly Revision[];
  /** Head revision id(s) of the whole graph (before any --to cut). */
  readonly heads: readonly string[];
  /** Every `%` of the input was doubled (Alembic offline output via a pyformat driver): `%%` was read as `%`. */
  readonly percentsUndoubled?: boolean;
}

export interface LoadOptions {
  /** Stop after this revision (inclusive); its ancestors are all that is loaded. */
  readonly to?: string;
  /**
   * The schema-sync.json whose `alembic` settings apply to .py revisions (`--config`); default:
   * the nearest at or above the working directory (see config-lookup.ts).
   */
  readonly config?: string;
  /**
   * The directory relative paths (the migrations path, `--config`) are read from; default: the
   * process's working directory. Names in messages and provenance stay as given.
   */
  readonly cwd?: string;
}
