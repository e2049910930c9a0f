import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision, replayedClean } from '../support/converge-with-oracle.js';
import { checkAfterDrift } from '../support/drifted-check.js';
import { refusedLikePostgres, type RefusedCase } from '../support/refused-like-postgres.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

const { db } = perTestResources();

/**
 * The index PostgreSQL builds for a PRIMARY KEY / UNIQUE / EXCLUDE constraint has storage
 * parameters and a comment of its own (pg_dump: the constraint's `WITH (..)`, `COMMENT ON
 * INDEX`). r1 creates them; r2 changes them through the index (ALTER INDEX .. SET, COMMENT ON
 * INDEX) and renames the key both ways; r3 drops and adds the key again with other options (a
 * foreign key depends on it) and a new table copies them (LIKE).
 */
const HISTORY = [
  `CREATE TABLE t (
     id int PRIMARY KEY WITH (fillfactor = 70),
     code text CONSTRAINT t_code UNIQUE WITH (deduplicate_items = off),
     during tstzrange,
     CONSTRAINT t_during EXCLUDE USING gist (during WITH &&) WITH (fillfactor = 80)
   );
   CREATE TABLE child (t_id int REFERENCES t);
   COMMENT ON INDEX t_pkey IS 'the key index';
   COMMENT ON CONSTRAINT t_pkey ON t IS 'the key';
   COMMENT ON INDEX t_during IS 'no overlaps';`,
  `ALTER INDEX t_code SET (fillfactor = 60);
   COMMENT ON INDEX t_code IS 'codes';
   ALTER TABLE t RENAME CONSTRAINT t_pkey TO t_pk;
   ALTER INDEX t_during RENAME TO t_no_overlap;
   COMMENT ON INDEX t_no_overlap IS NULL;`,
  `ALTER TABLE child DROP CONSTRAINT child_t_id_fkey;
   ALTER TABLE t DROP CONSTRAINT t_pk;
   ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY (id) WITH (fillfactor = 90);
   COMMENT ON INDEX t_pk IS 'the key index, again';
   ALTER TABLE child ADD FOREIGN KEY (t_id) REFERENCES t;
   CREATE TABLE copy (LIKE t INCLUDING ALL);`,
];

describe('constraint indexes: storage parameters and comments converge (pg_dump oracle)', () => {
  convergesFromEachRevision(revisionsFromSql('constraint-indexes', HISTORY), db);

  it('replay keeps them on the constraint, through renames both ways', () => {
    const t = replayedClean(revisionsFromSql('constraint-indexes', HISTORY.slice(0, 2))).tables.get('public.t');
    const byName = new Map(t?.constraints.map((c) => [c.name, c]));
    expect(byName.get('t_pk')).toMatchObject({ type: 'primary key', options: ['fillfactor=70'], comment: 'the key', indexComment: 'the key index' });
    expect(byName.get('t_code')).toMatchObject({ options: ['deduplicate_items=off', 'fillfactor=60'], indexComment: 'codes' });
    expect(byName.get('t_no_overlap')).toMatchObject({ type: 'exclude', options: ['fillfactor=80'] });
    expect(byName.get('t_no_overlap')).not.toHaveProperty('indexComment');
  });

  it('a key whose index options changed is rebuilt with its foreign key, and its index comment set again', async () => {
    const f = await db();
    const revisions = revisionsFromSql('constraint-indexes', HISTORY);
    await runMigrations(f.db, revisions.slice(0, 2));
    const changes = diff(replayedClean(revisions), await introspect(f.db)).changes;
    const summary = changes.flatMap((c) =>
      c.kind === 'drop' && c.object === 'constraint' ? [`drop ${c.ref.name}`]
        : c.kind === 'addConstraint' ? [`add ${c.constraint.name}`]
          : c.kind === 'setComment' && c.ref.name === 't_pk' ? [`comment ${c.object} ${c.comment}`] : [],
    );
    // DROP CONSTRAINT took the constraint's comment along: the new key has none (the diff drops it with the old one).
    expect(summary.sort()).toEqual(['add child_t_id_fkey', 'add t_pk', 'comment index the key index, again', 'drop child_t_id_fkey', 'drop t_pk']);
  });
});

describe('check sees constraint index drift', () => {
  it('a key index comment and storage parameter changed live: exit 2 naming the constraint; apply puts them back', async () => {
    const f = await db();
    const { dir, check } = await checkAfterDrift(f, HISTORY.slice(0, 2), `COMMENT ON INDEX t_pk IS 'changed'; ALTER INDEX t_code RESET (fillfactor)`);
    expect(check.stdout).toMatch(/different constraint public\.t\.t_pk[^\n]*\n\s*indexComment:/);
    expect(check.stdout).toMatch(/different constraint public\.t\.t_code[^\n]*\n\s*options:/);
    const fix = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(fix.stderr).not.toMatch(/error/i);
    expect(fix.code).toBe(0);
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
  });
});

const KEYED = `CREATE TABLE k (id int PRIMARY KEY, n int);`;

/** What PostgreSQL refuses on a constraint's index: replay must report an error for each, as the server does. */
const REFUSED: readonly RefusedCase[] = [
  { name: 'a comment on an index no constraint or CREATE INDEX made', sql: `${KEYED} COMMENT ON INDEX k_n_key IS 'c';`, message: /does not exist/ },
  { name: 'dropping the index of a constraint', sql: `${KEYED} DROP INDEX k_pkey;`, message: /cannot drop index k_pkey because/ },
  { name: 'renaming a key index to a taken name', sql: `${KEYED} CREATE INDEX k_n ON k (n); ALTER INDEX k_pkey RENAME TO k_n;`, message: /relation "k_n" already exists/ },
];

describe('replay refuses what PostgreSQL refuses on constraint indexes', () => {
  refusedLikePostgres(REFUSED);
});
