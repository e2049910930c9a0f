import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { referenceDump } from '../support/pg-dump/reference-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

/**
 * Key replacements a database far behind must catch up on (ckan's `member` table had exactly
 * this): the old primary key must go before the new one is added, an index name must be freed
 * before a constraint reuses it, and none of it needs --allow-destructive (no rows are lost).
 */
const HISTORY = revisionsFromSql('catch-up', [
  `CREATE TABLE package_group (group_id int NOT NULL, package_id int NOT NULL, id text NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT package_group_pkey PRIMARY KEY (group_id, package_id));
   CREATE TABLE revision_link (group_id int, package_id int, FOREIGN KEY (group_id, package_id) REFERENCES package_group);
   CREATE TABLE items (code text NOT NULL, label text);
   CREATE UNIQUE INDEX items_code ON items (code);`,
  `ALTER TABLE package_group RENAME TO member;
   ALTER TABLE revision_link DROP CONSTRAINT revision_link_group_id_package_id_fkey;
   ALTER TABLE member DROP CONSTRAINT package_group_pkey;
   ALTER TABLE member ADD CONSTRAINT member_pkey PRIMARY KEY (id);
   ALTER TABLE revision_link ADD COLUMN member_id text REFERENCES member;`,
  `DROP INDEX items_code;
   ALTER TABLE items ADD CONSTRAINT items_code UNIQUE (code, label);`,
]);

describe('catching up on key replacements, in safe mode, judged by pg_dump', () => {
  let expected: string;
  const target = replay(HISTORY).state;
  beforeAll(async () => {
    expected = await referenceDump(HISTORY);
  });

  for (let applied = 0; applied < HISTORY.length; applied++) {
    describe(`from revision ${applied} of ${HISTORY.length}${applied ? ', with rows' : ''}`, () => {
      let f: FreshDatabase;
      beforeAll(async () => {
        f = await freshDatabase();
        if (applied === 0) return;
        await runMigrations(f.db, HISTORY.slice(0, 1));
        await f.db.exec(`INSERT INTO package_group (group_id, package_id) VALUES (1, 10), (2, 20); INSERT INTO items VALUES ('a', 'x')`);
        await runMigrations(f.db, HISTORY.slice(1, applied));
      });
      afterAll(async () => f?.drop());

      it('applies without --allow-destructive, keeps the rows and matches a database built from the history', async () => {
        const result = await apply(f.db, target);
        expect(result.plan.skipped).toEqual([]);
        expect(dumpDifference(expected, await pgDumpSchema(f.url)) ?? 'same pg_dump').toBe('same pg_dump');
        const rows = await f.db.query<{ n: string }>('SELECT count(*) AS n FROM member');
        expect(rows[0]?.n).toBe(applied === 0 ? '0' : '2');
        expect(diff(target, await introspect(f.db)).changes).toEqual([]);
      });
    });
  }
});
