/**
 * What one statement does to a live database, as PostgreSQL documents it ("Explicit Locking",
 * and the lock notes of ALTER TABLE / CREATE INDEX / CREATE TRIGGER): the strongest lock it takes
 * on an existing table (or the object itself), and whether it rewrites or scans the table, can
 * lose data or can fail on existing rows. Builders pick one per statement; the change's safety class
 * and hazards are derived from them (derive-hazards.ts).
 */
export interface StatementEffects {
  readonly lock: LockLevel;
  /** Rewrites the table (and its indexes) under the lock. */
  readonly rewrite: boolean;
  /** Reads every row (to check a constraint or build an index). */
  readonly scan: boolean;
  /** Drops stored data (a table, a column, a stored value). */
  readonly dataLoss: boolean;
  /** Can fail on rows already there (a NOT NULL, a unique index, a type conversion). */
  readonly mayFail: boolean;
}

/**
 * PostgreSQL's table lock modes a DDL statement takes, strongest first; `none` when it locks no
 * existing table (it creates an object nothing uses yet, or changes one that is not a table).
 */
export type LockLevel =
  | 'ACCESS EXCLUSIVE'
  | 'EXCLUSIVE'
  | 'SHARE ROW EXCLUSIVE'
  | 'SHARE'
  | 'SHARE UPDATE EXCLUSIVE'
  | 'ROW EXCLUSIVE'
  | 'none';

const QUIET = { rewrite: false, scan: false, dataLoss: false, mayFail: false } as const;

/** CREATE of a new object (schema, type, sequence, function, table, view): locks nothing existing. */
export const CREATES: StatementEffects = { lock: 'none', ...QUIET };
/** CREATE MATERIALIZED VIEW (WITH DATA): a new object, filled by running its query over the tables it reads. */
export const RUNS_QUERY: StatementEffects = { lock: 'none', ...QUIET, scan: true };
/** An ALTER TABLE (or RENAME, DROP of a constraint or index) that only changes the catalog, holding ACCESS EXCLUSIVE briefly. */
export const ALTERS_CATALOG: StatementEffects = { lock: 'ACCESS EXCLUSIVE', ...QUIET };
/** A table rewrite that cannot fail (SET LOGGED, a column computed per row). */
export const REWRITES: StatementEffects = { lock: 'ACCESS EXCLUSIVE', ...QUIET, rewrite: true };
/** ALTER COLUMN TYPE with a conversion: rewrites the table and fails on a value that does not convert. */
export const CONVERTS: StatementEffects = { lock: 'ACCESS EXCLUSIVE', ...QUIET, rewrite: true, mayFail: true };
/** ALTER COLUMN TYPE that narrows (shorter varchar, lower scale): rewrites, may fail, and rounds or cuts values. */
export const NARROWS: StatementEffects = { lock: 'ACCESS EXCLUSIVE', ...QUIET, rewrite: true, mayFail: true, dataLoss: true };
/** SET NOT NULL, ADD CHECK, ADD PRIMARY KEY / UNIQUE / EXCLUDE: scan every row under ACCESS EXCLUSIVE, fail on a violating one. */
export const CHECKS_ROWS: StatementEffects = { lock: 'ACCESS EXCLUSIVE', ...QUIET, scan: true, mayFail: true };
/** ADD COLUMN NOT NULL without a default: fails unless the table is empty. */
export const FAILS_ON_ROWS: StatementEffects = { lock: 'ACCESS EXCLUSIVE', ...QUIET, mayFail: true };
/** ADD FOREIGN KEY (validated): SHARE ROW EXCLUSIVE on both tables, scans and fails on a dangling row. */
export const ADDS_FOREIGN_KEY: StatementEffects = { lock: 'SHARE ROW EXCLUSIVE', ...QUIET, scan: true, mayFail: true };
/** ADD FOREIGN KEY .. NOT VALID: SHARE ROW EXCLUSIVE, checks only new rows. */
export const ADDS_FOREIGN_KEY_NOT_VALID: StatementEffects = { lock: 'SHARE ROW EXCLUSIVE', ...QUIET };
/** SHARE on the tables it checks (writes wait), scans them, fails on a violating value (ALTER DOMAIN SET NOT NULL / ADD CHECK / VALIDATE). */
export const CHECKS_UNDER_SHARE: StatementEffects = { lock: 'SHARE', ...QUIET, scan: true, mayFail: true };
/** VALIDATE CONSTRAINT: SHARE UPDATE EXCLUSIVE (reads and writes go on), scans, fails on a violating row. */
export const VALIDATES: StatementEffects = { lock: 'SHARE UPDATE EXCLUSIVE', ...QUIET, scan: true, mayFail: true };
/** CREATE INDEX: SHARE (blocks writes, not reads) while it scans the table. */
export const BUILDS_INDEX: StatementEffects = { lock: 'SHARE', ...QUIET, scan: true };
/** CREATE UNIQUE INDEX: as BUILDS_INDEX, and fails on duplicates. */
export const BUILDS_UNIQUE_INDEX: StatementEffects = { lock: 'SHARE', ...QUIET, scan: true, mayFail: true };
/** CREATE INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE (writes go on), scans twice. */
export const BUILDS_INDEX_CONCURRENTLY: StatementEffects = { lock: 'SHARE UPDATE EXCLUSIVE', ...QUIET, scan: true };
/** CREATE UNIQUE INDEX CONCURRENTLY: as above, and fails on duplicates. */
export const BUILDS_UNIQUE_INDEX_CONCURRENTLY: StatementEffects = { lock: 'SHARE UPDATE EXCLUSIVE', ...QUIET, scan: true, mayFail: true };
/** CREATE TRIGGER, ALTER SEQUENCE: SHARE ROW EXCLUSIVE on the table or sequence. */
export const SHARE_ROW_EXCLUSIVE: StatementEffects = { lock: 'SHARE ROW EXCLUSIVE', ...QUIET };
/** COMMENT ON, ALTER TABLE SET / RESET (storage parameters such as fillfactor): SHARE UPDATE EXCLUSIVE, catalog only. */
export const SHARE_UPDATE_EXCLUSIVE: StatementEffects = { lock: 'SHARE UPDATE EXCLUSIVE', ...QUIET };
/** DROP TABLE / DROP COLUMN: ACCESS EXCLUSIVE, and the rows (or values) go with it. */
export const DROPS_DATA: StatementEffects = { lock: 'ACCESS EXCLUSIVE', ...QUIET, dataLoss: true };
/**
 * INSERT of the history's seed rows into a table the plan just created: ROW EXCLUSIVE on a table
 * nothing uses yet, and no row there to conflict with (seed-actions.ts checks columns, constraints,
 * domains and referenced rows first). It may still fail where those checks cannot see: a function
 * a CHECK calls, replaced later in the history (PostgreSQL 15 refuses the row); the transaction
 * then rolls back.
 */
export const INSERTS: StatementEffects = { lock: 'ROW EXCLUSIVE', ...QUIET, mayFail: true };
/** ALTER TYPE .. ADD VALUE and other changes to a non-table object nothing reads under a table lock. */
export const NO_TABLE_LOCK: StatementEffects = { lock: 'none', ...QUIET };
