import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import type { Revision } from '../../src/load/types.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase } from '../support/database.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
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
  const ref = await freshDatabase();
  let expected: string;
  try {
    await runMigrations(ref.db, history);
    expected = await pgDumpSchema(ref.url);
  } finally {
    await ref.drop();
  }
  for (let applied = 1; applied < history.length; applied++) {
    const f = await freshDatabase();
    try {
      await runMigrations(f.db, history.slice(0, applied));
      await f.db.exec(seed(applied));
      const safe = await apply(f.db, target);
      expect(safe.plan.skipped.filter((c) => c.safety !== 'destructive').map((c) => c.kind), `from revision ${applied}`).toEqual([]);
      await apply(f.db, target, { allowDestructive: true });
      expect(dumpDifference(expected, await pgDumpSchema(f.url)) ?? 'same pg_dump', `from revision ${applied}`).toBe('same pg_dump');
      expect(diff(target, await introspect(f.db)).changes).toEqual([]);
    } finally {
      await f.drop();
    }
  }
}

describe('catching up on keys under foreign keys (judged by pg_dump)', () => {
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
});
