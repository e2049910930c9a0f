import { describe } from 'vitest';
import { refusedLikePostgres, type RefusedCase } from '../support/refused-like-postgres.js';

/** Domain statements PostgreSQL refuses: replay must report an error for each, as the server does. */
const REFUSED: readonly RefusedCase[] = [
  { name: 'a domain named like a table (its row type)', sql: `CREATE TABLE t (a int); CREATE DOMAIN t AS int;`, message: /already exists/ },
  { name: 'a domain named like an enum', sql: `CREATE TYPE m AS ENUM ('a'); CREATE DOMAIN m AS int;`, message: /already exists/ },
  { name: 'DROP DOMAIN of a domain a column uses', sql: `CREATE DOMAIN d AS int; CREATE TABLE t (x d); DROP DOMAIN d;`, message: /cannot drop/ },
  { name: 'a check name used twice on one domain', sql: `CREATE DOMAIN d AS int CONSTRAINT c CHECK (VALUE > 0); ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE < 9);`, message: /already exists/ },
  {
    name: 'a validated check on a domain an array column uses',
    sql: `CREATE DOMAIN d AS int; CREATE TABLE t (x d[]); ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE > 0);`,
    message: /column "t.x" uses it/,
  },
  { name: 'ALTER DOMAIN of a missing domain', sql: `ALTER DOMAIN nope SET NOT NULL;`, message: /does not exist/ },
];

/** Composite and range type statements PostgreSQL refuses. */
const TYPES_REFUSED: readonly RefusedCase[] = [
  { name: 'a composite named like a table (its row type)', sql: `CREATE TABLE t (a int); CREATE TYPE t AS (a int);`, message: /already exists/ },
  { name: 'an attribute named twice', sql: `CREATE TYPE c AS (a int, a text);`, message: /specified more than once/ },
  { name: 'a range whose multirange name is taken', sql: `CREATE TYPE floatmultirange AS (a int); CREATE TYPE floatrange AS RANGE (SUBTYPE = float8);`, message: /"floatmultirange" already exists/ },
  {
    name: 'ALTER ATTRIBUTE .. TYPE of a composite a column stores',
    sql: `CREATE TYPE c AS (a int); CREATE TABLE t (x c); ALTER TYPE c ALTER ATTRIBUTE a TYPE bigint;`,
    message: /cannot alter type "c" because column "t.x" uses it/,
  },
  {
    name: 'ALTER ATTRIBUTE .. TYPE of a composite a column stores through another composite',
    sql: `CREATE TYPE c AS (a int); CREATE TYPE outer_c AS (inner_c c); CREATE TABLE t (x outer_c[]); ALTER TYPE c ALTER ATTRIBUTE a TYPE bigint;`,
    message: /cannot alter type "c" because column "t.x" uses it/,
  },
  { name: 'ADD ATTRIBUTE of an attribute that exists', sql: `CREATE TYPE c AS (a int); ALTER TYPE c ADD ATTRIBUTE a text;`, message: /already exists/ },
  { name: 'DROP ATTRIBUTE of a missing attribute', sql: `CREATE TYPE c AS (a int); ALTER TYPE c DROP ATTRIBUTE b;`, message: /does not exist/ },
  { name: 'RENAME ATTRIBUTE onto an existing one', sql: `CREATE TYPE c AS (a int, b int); ALTER TYPE c RENAME ATTRIBUTE a TO b;`, message: /already exists/ },
  { name: 'DROP TYPE of a composite another composite uses', sql: `CREATE TYPE c AS (a int); CREATE TYPE d AS (x c); DROP TYPE c;`, message: /cannot drop type/ },
  { name: 'DROP TYPE of a range whose multirange a column uses', sql: `CREATE TYPE r AS RANGE (SUBTYPE = int4); CREATE TABLE t (x r_multirange); DROP TYPE r;`, message: /cannot drop type/ },
  { name: 'ALTER TYPE .. ADD ATTRIBUTE on an enum', sql: `CREATE TYPE m AS ENUM ('a'); ALTER TYPE m ADD ATTRIBUTE b int;`, message: /relation "m" does not exist/ },
];

describe('replay refuses the domain statements PostgreSQL refuses', () => {
  refusedLikePostgres(REFUSED);
});

describe('replay refuses the composite and range type statements PostgreSQL refuses', () => {
  refusedLikePostgres(TYPES_REFUSED);
});
