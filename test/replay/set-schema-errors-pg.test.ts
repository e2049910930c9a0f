import { describe } from 'vitest';
import { refusedLikePostgres } from '../support/refused-like-postgres.js';

/** ALTER SEQUENCE .. SET SCHEMA that PostgreSQL refuses: replay reports the same error. */
describe('ALTER SEQUENCE .. SET SCHEMA: replay refuses what PostgreSQL refuses', () => {
  refusedLikePostgres([
    { name: 'a serial column\'s sequence', sql: `CREATE SCHEMA app; CREATE TABLE t (id serial); ALTER SEQUENCE t_id_seq SET SCHEMA app;`, message: /cannot move an owned sequence into another schema/ },
    { name: 'a sequence OWNED BY a column', sql: `CREATE SCHEMA app; CREATE TABLE t (id int); CREATE SEQUENCE s OWNED BY t.id; ALTER SEQUENCE s SET SCHEMA app;`, message: /cannot move an owned sequence into another schema/ },
    { name: 'onto a relation of the same name', sql: `CREATE SCHEMA app; CREATE TABLE app.s (id int); CREATE SEQUENCE s; ALTER SEQUENCE s SET SCHEMA app;`, message: /relation "s" already exists in schema "app"/ },
    { name: 'a missing sequence', sql: `CREATE SCHEMA app; ALTER SEQUENCE nope SET SCHEMA app;`, message: /relation .*nope.* does not exist/ },
  ]);
});
