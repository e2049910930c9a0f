import type { StatementPos } from '../parse/ddl.js';

/**
 * A replay finding tied to a statement. `warning`: the statement is valid but not modelled
 * (replay went on without it). `error`: PostgreSQL would have rejected it (e.g. ALTER of a
 * table that does not exist at that point of the history).
 */
export interface Diagnostic {
  readonly severity: 'warning' | 'error';
  readonly message: string;
  readonly pos: StatementPos;
  /** What kind of statement it was (e.g. `CREATE POLICY`). */
  readonly statement?: string;
}

/** Counts a replay reports in its summary. */
export interface ReplayStats {
  readonly revisions: number;
  readonly statements: number;
  /** Statements applied to the model. */
  readonly modelled: number;
  /** Statements that change no schema (transactions, SET, DML, bookkeeping). */
  readonly noSchemaChange: number;
  /** Valid statements the model does not cover (each also a warning). */
  readonly notModelled: number;
}
