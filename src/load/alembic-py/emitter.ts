/** Collects what interpreting one revision produced: SQL statements and skipped data-side code, each with its .py line. */

/** One generated SQL statement and the .py line of the call that produced it. */
export interface EmittedStatement {
  readonly line: number;
  readonly sql: string;
}

/** Data-side code the interpreter did not run (queries, bulk inserts, `.commit()`). */
export interface SkippedCode {
  readonly line: number;
  readonly text: string;
}

export class Emitter {
  readonly statements: EmittedStatement[] = [];
  readonly skipped: SkippedCode[] = [];
  sql(line: number, sql: string): void {
    this.statements.push({ line, sql });
  }
  data(line: number, text: string): void {
    if (this.skipped.some((s) => s.line === line)) return; // one entry per line (a call and its statement)
    this.skipped.push({ line, text: text.split('\n')[0]!.trim() + (text.includes('\n') ? ' ...' : '') });
  }
}
