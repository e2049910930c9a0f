import type { QualifiedName } from './names.js';
import type { TableDef } from './objects.js';
import type { Origin } from './origin.js';

/** A relation a data statement names, as written then and as the rest of the history leaves it. */
export interface RelationUse {
  /** The name when the statement runs (schema resolved). */
  readonly name: QualifiedName;
  /** The name after the history's later renames, up to its drop if a later revision drops it. */
  readonly final: QualifiedName;
  /** A later revision drops it. */
  readonly dropped: boolean;
}

/** One row of a plain `INSERT .. VALUES`: per named column, the literal's text (undefined: not a constant). */
export type SeedRow = readonly (string | null | undefined)[];

/** A plain `INSERT INTO t (cols) VALUES (..)` whose values read no table: a candidate seed. */
export interface SeedInsert {
  /** The columns it fills, in order (the table's columns at that point when none are listed). */
  readonly columns: readonly string[];
  readonly rows: readonly SeedRow[];
  /** The table as it was when the statement ran (compared with the target before running it). */
  readonly tableThen: TableDef;
  /**
   * Why the rows may be refused at the end of the history although they were accepted then (a
   * domain of a seeded column gains a CHECK or NOT NULL later, even NOT VALID: new rows are
   * checked), found by the replay; such an INSERT is not seeded.
   */
  readonly changedLater?: string;
}

/** An UPDATE, DELETE or TRUNCATE of one table reading nothing but the rows it changes (see DataDdl.edit). */
export interface RowEdit {
  /** The columns it names. */
  readonly columns: readonly string[];
  /** The table as it was when the statement ran (its columns are compared with the target's). */
  readonly tableThen: TableDef;
}

/**
 * A statement of the history that changes rows, not schema (INSERT, UPDATE, DELETE, MERGE, COPY,
 * TRUNCATE, a SELECT calling a function with effects such as setval): the replay records it so
 * the plan can say which ones schema-sync does not run.
 */
export interface DataStatement {
  /** `INSERT`, `UPDATE`, `DELETE`, `MERGE`, `COPY`, `TRUNCATE`, `SELECT`. */
  readonly verb: string;
  readonly origin: Origin;
  /** The statement's SQL as written. */
  readonly sql: string;
  /** The relation whose rows it changes (absent for a SELECT with effects). */
  readonly target?: RelationUse;
  /** Other relations it reads. */
  readonly reads: readonly RelationUse[];
  /** Functions with effects it calls (SELECT setval(..)). */
  readonly calls: readonly string[];
  readonly seed?: SeedInsert;
  /** Set when PostgreSQL would give it the same effect on the seeded rows of the target's table. */
  readonly edit?: RowEdit;
  /**
   * The triggers and rules of its table that fired on it when it ran: a seed step runs before the
   * plan creates them, so what they did then (fill a column, write elsewhere) is not redone.
   */
  readonly firedThen?: readonly string[];
}
