/** Collects what interpreting one revision produced: SQL statements and skipped data-side code, each with its .py line. */

/** One generated SQL statement and the .py line of the call that produced it. */
export interface EmittedStatement {
  readonly line: number;
  readonly sql: string;
  /**
   * Emitted only the first time in the whole upgrade run: SQLAlchemy creates a table's native
   * enum through the DDL runner's memo, and Alembic's runner lives for the whole run.
   */
  readonly once?: string;
}

/** Data-side code the interpreter did not run (queries, bulk inserts, `.commit()`). */
export interface SkippedCode {
  readonly line: number;
  readonly text: string;
}

/** The statements and skipped code of one revision, in the order upgrade() produced them. */
export class Emitter {
  readonly statements: EmittedStatement[] = [];
  readonly skipped: SkippedCode[] = [];
  sql(line: number, sql: string, once?: string): void {
    this.statements.push(once === undefined ? { line, sql } : { line, sql, once });
  }
  data(line: number, text: string): void {
    if (this.skipped.some((s) => s.line === line)) return; // one entry per line (a call and its statement)
    this.skipped.push({ line, text: text.split('\n')[0]!.trim() + (text.includes('\n') ? ' ...' : '') });
  }
}

/** A value that runs SQL at migration time (op.get_bind()): what `Enum.create(bind)` needs. */
export interface SqlRunner {
  runSql(line: number, sql: string, once?: string): void;
}

/** True for op.get_bind() values. */
export function isSqlRunner(v: unknown): v is SqlRunner {
  return typeof v === 'object' && v !== null && typeof (v as Partial<SqlRunner>).runSql === 'function';
}
