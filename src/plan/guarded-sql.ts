import { dollarQuote } from '../model/sql/index.js';

/**
 * `DO $$ BEGIN IF <condition> THEN <statements>; END IF; END $$`: how a statement that has no
 * IF [NOT] EXISTS form (CREATE TYPE, ADD CONSTRAINT, CREATE TRIGGER, renames) is made safe to run
 * twice. The dollar tag is one the body does not contain. Utility statements inside PL/pgSQL are
 * not subject to variable substitution, so they run exactly as written.
 */
export function guardedSql(condition: string, statements: readonly string[]): string {
  const body = ` BEGIN IF ${condition} THEN ${statements.map((s) => `${s};`).join(' ')} END IF; END `;
  return `DO ${dollarQuote(body)}`;
}
