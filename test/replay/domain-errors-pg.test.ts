import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { resetDatabase } from '../support/reset-database.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

/** Domain statements PostgreSQL refuses: replay must report an error for each, as the server does. */
const REFUSED: readonly { readonly name: string; readonly sql: string; readonly message: RegExp }[] = [
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

let fresh: FreshDatabase;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => {
  await fresh?.drop();
});

describe('replay refuses the domain statements PostgreSQL refuses', () => {
  for (const c of REFUSED) {
    it(c.name, async () => {
      await resetDatabase(fresh.db);
      const revisions = revisionsFromSql('refused', [c.sql]);
      await expect(runMigrations(fresh.db, revisions)).rejects.toThrow(c.message);
      const errors = replay(revisions).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(c.message)]);
    });
  }
});
