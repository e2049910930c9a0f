import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

/**
 * Defaults PostgreSQL stores differently for spellings the canonical text treats as equal
 * (`'0'` on a bigint is stored as `'0'::bigint`, `0` as `0`): apply must run them as the
 * migration wrote them, or pg_dump of the database differs from one built by the migrations
 * (ckan's `size bigint DEFAULT '0'` did, from every starting revision). Where replay rewrote a
 * default (a renamed sequence), the canonical text is what runs.
 */
const HISTORY = revisionsFromSql('written', [
  `CREATE SEQUENCE counter;
   CREATE TABLE resource (
     id int DEFAULT nextval('counter'),
     size bigint NOT NULL DEFAULT '0',
     small bigint DEFAULT 0,
     ratio numeric DEFAULT '1.5',
     price money DEFAULT '$1.00',
     flag boolean DEFAULT 'FALSE',
     token text DEFAULT gen_random_uuid());`,
  `ALTER TABLE resource ADD COLUMN hits bigint DEFAULT '7';
   ALTER TABLE resource ALTER COLUMN small SET DEFAULT '2';
   ALTER SEQUENCE counter RENAME TO resource_counter;`,
]);

describe('defaults run as the migration wrote them (judged by pg_dump)', () => {
  const target = replay(HISTORY).state;
  let reference: FreshDatabase;
  let expected: string;
  beforeAll(async () => {
    reference = await freshDatabase();
    await runMigrations(reference.db, HISTORY);
    expected = await pgDumpSchema(reference.url);
  });
  afterAll(async () => reference?.drop());

  for (const applied of [0, 1]) {
    it(`from revision ${applied}: the same catalog as the migrations build`, async () => {
      const f = await freshDatabase();
      try {
        await runMigrations(f.db, HISTORY.slice(0, applied));
        await apply(f.db, target);
        expect(dumpDifference(expected, await pgDumpSchema(f.url)) ?? 'same pg_dump').toBe('same pg_dump');
        expect(diff(target, await introspect(f.db)).changes).toEqual([]);
      } finally {
        await f.drop();
      }
    });
  }

  it('finds a database the migrations built in sync', async () => {
    expect(diff(target, await introspect(reference.db)).changes).toEqual([]);
  });
});
