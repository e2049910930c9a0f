import { describe } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision } from '../support/converge-with-oracle.js';
import { revisionsFromSql } from '../support/run-migrations.js';

const { db } = perTestResources();

/**
 * SQL-standard bodies across ALTER SCHEMA app RENAME TO core: PostgreSQL keeps them parsed, so a
 * table of the schema prints as `core.t`, while `app.x` where `app` is a table alias, or a table
 * named like the schema, stays as written (it never named the schema).
 */
const HISTORY = [
  `CREATE SCHEMA app;
   CREATE TABLE app.t (x int);
   CREATE TABLE t (x int);
   CREATE TABLE app (col int);
   CREATE FUNCTION aliased() RETURNS SETOF int LANGUAGE sql BEGIN ATOMIC SELECT app.x FROM t AS app; END;
   CREATE FUNCTION same_name() RETURNS SETOF int LANGUAGE sql BEGIN ATOMIC SELECT app.col FROM app; END;
   CREATE FUNCTION in_schema() RETURNS SETOF int LANGUAGE sql BEGIN ATOMIC SELECT app.x FROM app.t AS app; END;
   CREATE FUNCTION three_part() RETURNS SETOF int LANGUAGE sql BEGIN ATOMIC SELECT app.t.x FROM app.t; END;
   CREATE FUNCTION returned() RETURNS int LANGUAGE sql RETURN (SELECT app.col FROM app LIMIT 1);
   CREATE FUNCTION returned_in_schema() RETURNS int LANGUAGE sql RETURN (SELECT app.x FROM app.t AS app LIMIT 1);`,
  `ALTER SCHEMA app RENAME TO core;`,
];

describe('ALTER SCHEMA .. RENAME renames only schema-qualified names in SQL-standard bodies (pg_dump oracle)', () => {
  convergesFromEachRevision(revisionsFromSql('schema_rename_bodies', HISTORY), db);
});
