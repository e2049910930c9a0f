import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import type { Revision } from '../../src/load/types.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { plan } from '../../src/plan/index.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase } from '../support/database.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { referenceDump } from '../support/pg-dump/reference-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

/**
 * Catching up from every revision of a history whose keys change under foreign keys (ckan's
 * shapes), judged by pg_dump of a database the history built: safe mode must succeed with only
 * destructive changes (and what cannot run without them) left, `--allow-destructive` must reach
 * the history's catalog, and a second diff must be empty.
 */
async function catchUpFromEveryRevision(history: readonly Revision[], seed: (applied: number) => string): Promise<void> {
  const target = replay(history).state;
  const expected = await referenceDump(history);
  for (let applied = 1; applied < history.length; applied++) {
    const f = await freshDatabase();
    try {
      await runMigrations(f.db, history.slice(0, applied));
      await f.db.exec(seed(applied));
      const safe = await apply(f.db, target);
      // Left out: destructive changes, and only what cannot run without them.
      expect(safe.plan.skipped.some((c) => c.safety === 'destructive') || safe.plan.skipped.length === 0).toBe(true);
      const live = await introspect(f.db);
      expect(plan(diff(target, live), live).steps.map((s) => s.description), `safe mode again, from revision ${applied}`).toEqual([]);
      await apply(f.db, target, { allowDestructive: true });
      expect(dumpDifference(expected, await pgDumpSchema(f.url)) ?? 'same pg_dump', `from revision ${applied}`).toBe('same pg_dump');
      expect(diff(target, await introspect(f.db)).changes).toEqual([]);
    } finally {
      await f.drop();
    }
  }
}

describe('catching up on keys, columns and tables the history replaced (judged by pg_dump)', () => {
  it('drops the foreign keys on a primary key being dropped first, and adds back those the target keeps', async () => {
    // ckan 29-46: package_group_pkey is referenced by a FK of package_group_revision (dropped
    // later by the history): "cannot drop constraint package_group_pkey ... other objects depend on it".
    const history = revisionsFromSql('fk-on-dropped-key', [
      `CREATE TABLE package_group (id text PRIMARY KEY, package_id int);
       CREATE TABLE package_group_revision (id text, continuity_id text REFERENCES package_group (id));
       CREATE TABLE tag (id int, package_group_id text REFERENCES package_group (id));`,
      `ALTER TABLE package_group_revision DROP CONSTRAINT package_group_revision_continuity_id_fkey;
       ALTER TABLE tag DROP CONSTRAINT tag_package_group_id_fkey;
       ALTER TABLE package_group DROP CONSTRAINT package_group_pkey;
       ALTER TABLE package_group ADD CONSTRAINT package_group_key PRIMARY KEY (id);
       ALTER TABLE tag ADD CONSTRAINT tag_package_group_id_fkey FOREIGN KEY (package_group_id) REFERENCES package_group (id);`,
      `DROP TABLE package_group_revision;`,
    ]);
    await catchUpFromEveryRevision(history, (applied) =>
      `INSERT INTO package_group VALUES ('g1', 1); INSERT INTO tag VALUES (1, 'g1');` +
      (applied < 3 ? `INSERT INTO package_group_revision VALUES ('r1', 'g1');` : ''),
    );
  });

  it('drops the foreign keys on a column being retyped to an incomparable type first (ckan 1-15)', async () => {
    // ckan retyped package.id and tag.id from integer to text, dropping and re-adding the columns
    // that reference them: "foreign key constraint package_revision_continuity_id_fkey cannot be
    // implemented" from every revision before that, in safe mode and with --allow-destructive.
    const history = revisionsFromSql('fk-on-retyped-key', [
      `CREATE TABLE package (id int PRIMARY KEY, name text);
       CREATE TABLE package_revision (id int, continuity_id int REFERENCES package (id));
       CREATE TABLE tag (id int PRIMARY KEY);
       CREATE TABLE package_tag_revision (id int, tag_id int REFERENCES tag (id));
       CREATE TABLE package_group (id int, package_id int REFERENCES package (id));
       CREATE TABLE rating (id bigint, package_id int REFERENCES package (id));`,
      `ALTER TABLE package_revision DROP COLUMN continuity_id;
       ALTER TABLE package_group DROP COLUMN package_id;
       ALTER TABLE package_tag_revision DROP CONSTRAINT package_tag_revision_tag_id_fkey;
       ALTER TABLE rating DROP CONSTRAINT rating_package_id_fkey;
       ALTER TABLE package ALTER COLUMN id TYPE text;
       ALTER TABLE tag ALTER COLUMN id TYPE text;
       ALTER TABLE rating ALTER COLUMN package_id TYPE text;
       ALTER TABLE rating ADD CONSTRAINT rating_package_id_fkey FOREIGN KEY (package_id) REFERENCES package (id);
       ALTER TABLE package_revision ADD COLUMN continuity_id text REFERENCES package (id);
       ALTER TABLE package_group ADD COLUMN package_id text REFERENCES package (id);`,
      `ALTER TABLE package_group RENAME TO member;
       ALTER TABLE member RENAME package_id TO table_id;
       DROP TABLE package_tag_revision;`,
    ]);
    await catchUpFromEveryRevision(history, (applied) =>
      (applied === 1
        ? `INSERT INTO package VALUES (1, 'a'); INSERT INTO tag VALUES (7); INSERT INTO package_revision VALUES (1, 1);
           INSERT INTO package_group VALUES (1, 1); INSERT INTO rating VALUES (1, 1);`
        : `INSERT INTO package VALUES ('p1', 'a'); INSERT INTO tag VALUES ('t7'); INSERT INTO package_revision VALUES (1, 'p1');
           INSERT INTO package_group VALUES (1, 'p1'); INSERT INTO rating VALUES (1, 'p1');`) +
      (applied < 3 ? `INSERT INTO package_tag_revision VALUES (1, ${applied === 1 ? '7' : 'NULL'});` : ''),
    );
  });

  it('leaves keys on a column the history replaces alone in safe mode (fastapi 1-2)', async () => {
    // fastapi replaced integer ids by uuid columns (add, copy, drop, rename): safe mode skips the
    // column replacement, and used to drop and re-add the keys on the old column on every run.
    const history = revisionsFromSql('keys-on-replaced-column', [
      `CREATE TABLE "user" (id serial PRIMARY KEY, email text);
       CREATE TABLE item (id serial PRIMARY KEY, owner_id int NOT NULL REFERENCES "user" (id));`,
      `ALTER TABLE "user" ADD COLUMN new_id uuid; ALTER TABLE item ADD COLUMN new_owner_id uuid;
       ALTER TABLE item DROP CONSTRAINT item_owner_id_fkey;
       ALTER TABLE item DROP COLUMN owner_id; ALTER TABLE item RENAME new_owner_id TO owner_id;
       ALTER TABLE "user" DROP COLUMN id; ALTER TABLE "user" RENAME new_id TO id;
       ALTER TABLE "user" ADD CONSTRAINT user_pkey PRIMARY KEY (id);
       ALTER TABLE item ADD CONSTRAINT item_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES "user" (id);`,
      `ALTER TABLE item ADD COLUMN title text;`,
    ]);
    // No rows: the new NOT NULL id is filled by the history's UPDATE, which schema-sync does not run.
    await catchUpFromEveryRevision(history, () => '');
  });

  it('drops an index the history dropped along with its column (ckan 21-46)', async () => {
    // ckan renamed package_resource.package_id away, dropped it (taking its indexes along) and
    // added a new package_id: a database from before kept idx_package_resource_pkg_id.
    const history = revisionsFromSql('index-dropped-with-column', [
      `CREATE TABLE resource (id int PRIMARY KEY, package_id int, CONSTRAINT resource_package_key UNIQUE (package_id, id));
       CREATE INDEX idx_resource_pkg_id ON resource (package_id);`,
      `ALTER TABLE resource RENAME package_id TO resource_group_id;`,
      `ALTER TABLE resource DROP COLUMN resource_group_id;
       ALTER TABLE resource ADD COLUMN package_id int;`,
    ]);
    await catchUpFromEveryRevision(history, () => `INSERT INTO resource (id) VALUES (1);`);
  });

  it('drops the parts of a table the history dropped and created again under the same name (prefect 51)', async () => {
    const history = revisionsFromSql('table-created-again', [
      `CREATE TABLE worker_pool (id int PRIMARY KEY);
       CREATE TABLE worker (id int PRIMARY KEY, worker_pool_id int NOT NULL REFERENCES worker_pool (id),
         CONSTRAINT uq_worker__worker_pool_id UNIQUE (worker_pool_id, id));
       CREATE INDEX ix_worker__worker_pool_id ON worker (worker_pool_id);`,
      `DROP TABLE worker; DROP TABLE worker_pool;
       CREATE TABLE work_pool (id int PRIMARY KEY);
       CREATE TABLE worker (id int PRIMARY KEY, work_pool_id int NOT NULL REFERENCES work_pool (id));
       CREATE INDEX ix_worker__work_pool_id ON worker (work_pool_id);`,
      `ALTER TABLE worker ADD COLUMN name text;`,
    ]);
    // No rows: the new NOT NULL work_pool_id has no default, as in prefect.
    await catchUpFromEveryRevision(history, () => '');
  });
});
