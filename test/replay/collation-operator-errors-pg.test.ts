import { describe } from 'vitest';
import { refusedLikePostgres, type RefusedCase } from '../support/refused-like-postgres.js';

const EQ = `CREATE FUNCTION f(a int, b int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT a = b';`;

/** Collation and operator statements PostgreSQL refuses: replay must report an error for each, as the server does. */
const REFUSED: readonly RefusedCase[] = [
  { name: 'a collation created twice', sql: `CREATE COLLATION c (locale = 'C'); CREATE COLLATION c (locale = 'POSIX');`, message: /already exists/ },
  { name: 'a libc collation without a locale', sql: `CREATE COLLATION c (lc_ctype = 'C');`, message: /parameter "lc_collate" must be specified/ },
  { name: 'LOCALE with LC_COLLATE', sql: `CREATE COLLATION c (locale = 'C', lc_collate = 'C');`, message: /conflicting or redundant options/ },
  { name: 'a nondeterministic libc collation', sql: `CREATE COLLATION c (locale = 'C', deterministic = false);`, message: /nondeterministic collations not supported/ },
  { name: 'copying the default collation', sql: `CREATE COLLATION c FROM "default";`, message: /collation "default" cannot be copied/ },
  { name: 'DROP COLLATION of one a column uses', sql: `CREATE COLLATION c (locale = 'C'); CREATE TABLE t (x text COLLATE c); DROP COLLATION c;`, message: /cannot drop collation/ },
  { name: 'DROP COLLATION of a missing one', sql: `DROP COLLATION nope;`, message: /does not exist/ },
  { name: 'an operator created twice', sql: `${EQ} CREATE OPERATOR === (FUNCTION = f, LEFTARG = int, RIGHTARG = int); CREATE OPERATOR === (FUNCTION = f, LEFTARG = int, RIGHTARG = int);`, message: /already exists/ },
  { name: 'a postfix operator', sql: `${EQ} CREATE OPERATOR === (FUNCTION = f, LEFTARG = int);`, message: /right argument type must be specified/ },
  { name: 'an operator without a function', sql: `CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int);`, message: /operator function must be specified/ },
  { name: 'a prefix operator that hashes', sql: `CREATE FUNCTION g(a int) RETURNS boolean LANGUAGE sql AS 'SELECT true'; CREATE OPERATOR !!! (FUNCTION = g, RIGHTARG = int, HASHES);`, message: /only binary operators can hash/ },
  { name: 'DROP OPERATOR of a missing one', sql: `DROP OPERATOR === (int, int);`, message: /does not exist/ },
  { name: 'ALTER OPERATOR of a missing one', sql: `ALTER OPERATOR === (int, int) SET (RESTRICT = eqsel);`, message: /does not exist/ },
];

describe('replay refuses the collation and operator statements PostgreSQL refuses', () => {
  refusedLikePostgres(REFUSED);
});
