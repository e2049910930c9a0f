import { describe, expect, it } from 'vitest';
import { compareStates, diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision, replayedClean } from '../support/converge-with-oracle.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { checkAfterDrift } from '../support/drifted-check.js';

const { db } = perTestResources();

/**
 * Rules whose condition and actions name columns renamed later (r2): of the rule's own table
 * (NEW / OLD, unqualified in an UPDATE of it), of the table the actions write (INSERT column
 * lists, UPDATE SET, DELETE .. USING), a select-list item (which keeps its output name), and a
 * view's column renamed under its INSTEAD rule. PostgreSQL's rules follow; so must replay.
 */
const HISTORY = [
  `CREATE TABLE t (a int, b text);
   CREATE TABLE log (x int, y text);
   CREATE RULE r1 AS ON INSERT TO t DO ALSO INSERT INTO log VALUES (NEW.a, NEW.b);
   CREATE RULE r2 AS ON UPDATE TO t WHERE OLD.a <> NEW.a DO ALSO (UPDATE log SET y = NEW.b WHERE x = OLD.a; DELETE FROM log WHERE log.y = OLD.b);
   CREATE RULE r3 AS ON INSERT TO t DO ALSO INSERT INTO log SELECT NEW.a, NEW.b;
   CREATE RULE r4 AS ON DELETE TO t DO ALSO DELETE FROM log USING t t2 WHERE log.x = t2.a AND y = OLD.b;
   CREATE RULE r5 AS ON INSERT TO log DO ALSO UPDATE t SET b = NEW.y WHERE a = NEW.x;
   CREATE VIEW v AS SELECT a, b FROM t;
   CREATE RULE vi AS ON INSERT TO v DO INSTEAD INSERT INTO t (a, b) VALUES (NEW.a, NEW.b);`,
  `ALTER TABLE t RENAME COLUMN a TO aa;
   ALTER TABLE log RENAME COLUMN y TO yy;
   ALTER VIEW v RENAME COLUMN b TO bb;`,
  `CREATE OR REPLACE RULE r1 AS ON INSERT TO t DO ALSO INSERT INTO log (x) VALUES (NEW.aa);`,
];

describe('rules follow column renames (pg_dump oracle)', () => {
  convergesFromEachRevision(revisionsFromSql('rule-renames', HISTORY), db);

  it('replay prints them as pg_get_ruledef does after the renames: a database the migrations built is in sync', async () => {
    const revisions = revisionsFromSql('rule-renames', HISTORY.slice(0, 2));
    const target = replayedClean(revisions);
    const f = await db();
    await runMigrations(f.db, revisions);
    const live = await introspect(f.db);
    expect(compareStates(target, live)).toEqual([]);
    expect(diff(target, live).changes).toEqual([]);
    expect([...target.rules.values()].map((r) => `${r.name}: ${r.where ?? ''} | ${r.actions}`).sort()).toEqual([
      'r1:  | INSERT INTO log (x, yy) VALUES (new.aa, new.b)',
      'r2: old.aa <> new.aa | UPDATE log SET yy = new.b WHERE x = old.aa; DELETE FROM log WHERE yy = old.b',
      'r3:  | INSERT INTO log (x, yy) SELECT new.aa AS a, new.b',
      'r4:  | DELETE FROM log USING t AS t2 WHERE x = aa AND yy = old.b',
      'r5:  | UPDATE t SET b = new.yy WHERE aa = new.x',
      'vi:  | INSERT INTO t (aa, b) VALUES (new.a, new.bb)',
    ]);
  });
});

describe('check sees rule drift after renames', () => {
  it('a rule replaced live with the pre-rename column: exit 2; apply puts it back', async () => {
    const f = await db();
    const { dir, check } = await checkAfterDrift(f, HISTORY, `CREATE OR REPLACE RULE r3 AS ON INSERT TO t DO ALSO INSERT INTO log (x) SELECT NEW.aa`);
    expect(check.stdout).toMatch(/different rule public\.t\.r3/);
    const fix = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect(fix.code).toBe(0);
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
  });
});
