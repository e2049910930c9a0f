import { dollarQuote } from '../model/sql/index.js';

/**
 * `DO $$ BEGIN IF <condition> THEN <statements>; END IF; END $$`: how a statement that has no
 * IF [NOT] EXISTS form (CREATE TYPE, ADD CONSTRAINT, CREATE TRIGGER, renames) is made safe to run
 * twice. The dollar tag is one the body does not contain. Utility statements inside PL/pgSQL are
 * not subject to variable substitution, so they run exactly as written.
 */
export function guardedSql(condition: string, statements: readonly string[]): string {
  return mergeGuardedBlocks([`IF ${condition} THEN ${statements.map((s) => `${s};`).join(' ')} END IF;`]);
}

const GUARDED = /^DO (\$[A-Za-z0-9_]*\$) BEGIN (IF [\s\S]* END IF;) END \1$/;

/**
 * The `IF ... END IF;` block of a step `guardedSql` wrote, or undefined for any other SQL. The
 * dollar tag must not occur inside, which `guardedSql` guarantees and a foreign string may not.
 */
export function guardedBlockOf(sql: string): string | undefined {
  const m = GUARDED.exec(sql);
  if (!m || m[2]!.includes(m[1]!)) return undefined;
  return m[2];
}

/**
 * Several guarded steps as one DO block: the same IF blocks in the same order, so the same effect
 * as running the steps one after another. Why it matters: at the end of every top-level statement
 * that took more than 15 locks, PostgreSQL walks the transaction's whole local lock table
 * (LockReassignCurrentOwner), and a guard that reads pg_catalog plus an ADD FOREIGN KEY crosses
 * that line; in a transaction that created 5,000 tables each such DO cost ~5 ms instead of ~0.7.
 */
export function mergeGuardedBlocks(blocks: readonly string[]): string {
  return `DO ${dollarQuote(` BEGIN ${blocks.join(' ')} END `)}`;
}
