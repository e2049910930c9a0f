import { describe } from 'vitest';
import { historyConvergence } from '../support/history-convergence.js';
import { revisionsFromSql } from '../support/run-migrations.js';

/**
 * Column spellings PostgreSQL stores in another form (found by sqldef's cases): a default only an
 * a_expr can hold (`now() AT TIME ZONE 'utc'`: CREATE TABLE / ADD COLUMN take a b_expr, so the
 * plan must parenthesise it or PostgreSQL reports a syntax error), bit-string defaults (stored
 * as binary digits: `x'1F'` is `'00011111'::"bit"`), `numeric(p)` (stored as numeric(p,0)), a row
 * comparison `(a, b) > (0, 0)` (printed with ROW) and a call of a VARIADIC function (printed
 * `f(x, VARIADIC ARRAY[..])`): a second plan must not rebuild them.
 */
const HISTORY = revisionsFromSql('spellings', [
  `CREATE TABLE events (
     id bigint NOT NULL,
     created_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
     mask bit(8) DEFAULT x'1F',
     nibble bit(4) DEFAULT B'1010',
     amount numeric(5) DEFAULT 42.195,
     price decimal(12));
   CREATE TABLE docs (body jsonb, a int, b int, CONSTRAINT docs_pair CHECK ((a, b) > (0, 0)));`,
  `ALTER TABLE events ADD COLUMN seen_at timestamptz DEFAULT ((now() AT TIME ZONE 'utc') AT TIME ZONE 'utc');
   ALTER TABLE events ADD COLUMN flags bit(4) DEFAULT x'A', ADD COLUMN total numeric(10) DEFAULT 0;
   CREATE UNIQUE INDEX docs_path ON docs (jsonb_extract_path_text(body, 'foo', 'bar'));`,
]);

describe('column spellings PostgreSQL stores differently converge (judged by pg_dump)', () => {
  historyConvergence(HISTORY, { suffix: ', nothing left to plan' });
});
