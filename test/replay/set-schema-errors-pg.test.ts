import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/replay/index.js';
import { refusedLikePostgres } from '../support/refused-like-postgres.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

/** ALTER SEQUENCE .. SET SCHEMA that PostgreSQL refuses: replay reports the same error. */
describe('ALTER SEQUENCE .. SET SCHEMA: replay refuses what PostgreSQL refuses', () => {
  refusedLikePostgres([
    { name: 'a serial column\'s sequence', sql: `CREATE SCHEMA app; CREATE TABLE t (id serial); ALTER SEQUENCE t_id_seq SET SCHEMA app;`, message: /cannot move an owned sequence into another schema/ },
    { name: 'a sequence OWNED BY a column', sql: `CREATE SCHEMA app; CREATE TABLE t (id int); CREATE SEQUENCE s OWNED BY t.id; ALTER SEQUENCE s SET SCHEMA app;`, message: /cannot move an owned sequence into another schema/ },
    { name: 'onto a relation of the same name', sql: `CREATE SCHEMA app; CREATE TABLE app.s (id int); CREATE SEQUENCE s; ALTER SEQUENCE s SET SCHEMA app;`, message: /relation "s" already exists in schema "app"/ },
    { name: 'a missing sequence', sql: `CREATE SCHEMA app; ALTER SEQUENCE nope SET SCHEMA app;`, message: /relation .*nope.* does not exist/ },
  ]);
});

/** ALTER EXTENSION .. SET SCHEMA that PostgreSQL refuses: replay reports the same error. */
describe('ALTER EXTENSION .. SET SCHEMA: replay refuses what PostgreSQL refuses', () => {
  refusedLikePostgres([
    { name: 'a non-relocatable extension (plpgsql)', sql: `CREATE SCHEMA app; ALTER EXTENSION plpgsql SET SCHEMA app;`, message: /extension "plpgsql" does not support SET SCHEMA/ },
    { name: 'into a missing schema', sql: `CREATE EXTENSION citext; ALTER EXTENSION citext SET SCHEMA nope;`, message: /schema "nope" does not exist/ },
    { name: 'a missing extension (looked up before the schema)', sql: `ALTER EXTENSION citext SET SCHEMA nope;`, message: /extension "citext" does not exist/ },
    { name: 'onto a type of the same name', sql: `CREATE SCHEMA app; CREATE TYPE app.citext AS ENUM ('x'); CREATE EXTENSION citext; ALTER EXTENSION citext SET SCHEMA app;`, message: /type "citext" already exists in schema "app"/ },
    { name: "onto a table's row type of the same name", sql: `CREATE SCHEMA app; CREATE TABLE app.hstore (id int); CREATE EXTENSION hstore; ALTER EXTENSION hstore SET SCHEMA app;`, message: /type "hstore" already exists in schema "app"/ },
    { name: 'UPDATE of a missing extension', sql: `ALTER EXTENSION citext UPDATE;`, message: /extension "citext" does not exist/ },
    { name: 'DROP SCHEMA (no CASCADE) of the schema an extension was moved to', sql: `CREATE SCHEMA app; CREATE EXTENSION citext; ALTER EXTENSION citext SET SCHEMA app; DROP SCHEMA app;`, message: /cannot drop schema app because other objects depend on it/ },
  ]);
});

describe('ALTER EXTENSION .. SET SCHEMA / UPDATE that PostgreSQL runs', () => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase();
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it('plpgsql into its own schema, an extension into its own: nothing to do, no diagnostic', async () => {
    const revisions = revisionsFromSql('same', [`CREATE EXTENSION citext; ALTER EXTENSION plpgsql SET SCHEMA pg_catalog; ALTER EXTENSION citext SET SCHEMA public; ALTER EXTENSION citext UPDATE;`]);
    await runMigrations(fresh.db, revisions);
    const r = replay(revisions);
    expect(r.diagnostics).toEqual([]);
    expect(r.state.extensions.get('citext')?.schema).toBeUndefined();
  });

  it('an extension schema-sync does not know is moved with a warning naming it; CREATE .. VERSION and UPDATE TO a version warn that versions are not modelled', () => {
    const r = replay(revisionsFromSql('unknown', [`CREATE SCHEMA ext; CREATE EXTENSION postgis VERSION '3.3.0'; ALTER EXTENSION postgis SET SCHEMA ext; ALTER EXTENSION postgis UPDATE TO '3.4.0';`]));
    expect(r.state.extensions.get('postgis')?.schema).toBe('ext');
    expect(r.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      expect.stringMatching(/^warning: not modelled: CREATE EXTENSION \.\. VERSION '3\.3\.0': an extension's version is the server's .*pg_dump --schema-only does not print it/),
      expect.stringMatching(/^warning: extension "postgis" is not one whose control file schema-sync knows .*its schema is now "ext".*relocatable/),
      expect.stringMatching(/^warning: not modelled: ALTER EXTENSION \.\. UPDATE TO '3\.4\.0': an extension's version is the server's .*pg_dump --schema-only does not print it/),
    ]);
  });
});
