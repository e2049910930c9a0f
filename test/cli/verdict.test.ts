import { describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();

const T = `CREATE TYPE mood AS ENUM ('a', 'b'); CREATE TABLE t (id int PRIMARY KEY, m mood, gone int);`;

/**
 * One row per situation of the exit-code table in docs/SCHEMA_SYNC_GUIDE.md ("Exit codes"):
 * the history, how far it was applied (then recorded in alembic_version), what was done by hand
 * since, and the exit codes of plan, check and apply --strict (run in that order on that database).
 */
const ROWS: readonly { situation: string; history: string[]; appliedTo?: number; byHand?: string; plan: number; check: number; strict: number }[] = [
  { situation: 'in sync', history: [T], plan: 0, check: 0, strict: 0 },
  { situation: 'pending changes', history: [T, 'ALTER TABLE t ADD COLUMN c int;'], appliedTo: 1, plan: 2, check: 2, strict: 0 },
  { situation: 'skipped destructive changes', history: [T, 'ALTER TABLE t DROP COLUMN gone;'], appliedTo: 1, plan: 2, check: 2, strict: 3 },
  { situation: 'drift: a live-only enum label', history: [T], byHand: `ALTER TYPE mood ADD VALUE 'c'`, plan: 2, check: 2, strict: 3 },
  { situation: 'unmanaged objects', history: [T], byHand: 'CREATE TABLE mine (x int)', plan: 2, check: 2, strict: 3 },
  { situation: 'a data statement not run that may change rows', history: [T, 'UPDATE t SET gone = id;'], appliedTo: 1, plan: 2, check: 2, strict: 3 },
  { situation: 'alembic_version behind, schema in sync', history: [T, 'SELECT 1;'], appliedTo: 1, plan: 2, check: 2, strict: 0 },
];

describe('plan, check and apply --strict give the same verdict (issue 13, defect 6)', () => {
  for (const row of ROWS) {
    it(`${row.situation}: plan ${row.plan}, check ${row.check}, apply --strict ${row.strict}`, async () => {
      const f = await db();
      const dir = await writeHistory(row.history);
      const to = row.appliedTo ? ['--to', `r${row.appliedTo}`] : [];
      expect((await runCli(['apply', '-q', '-m', dir, '-d', f.url, ...to])).code).toBe(0);
      await f.db.exec(`INSERT INTO t (id) VALUES (1)`);
      if (row.byHand) await f.db.exec(row.byHand);
      const args = ['-q', '-m', dir, '-d', f.url];
      const plan = await runCli(['plan', ...args]);
      const check = await runCli(['check', ...args]);
      const strict = await runCli(['apply', ...args, '--strict']);
      expect({ plan: plan.code, check: check.code, strict: strict.code }, plan.stdout + check.stdout + strict.stdout + strict.stderr)
        .toEqual({ plan: row.plan, check: row.check, strict: row.strict });
      // Only in sync does apply say the database matches the migrations.
      expect(strict.stdout.includes('the database matches the migrations')).toBe(row.strict === 0);
      if (row.strict === 3) expect((await runCli(['apply', ...args])).code).toBe(0);
    });
  }

  it('check explains a verdict that no schema difference shows (alembic_version behind)', async () => {
    const f = await db();
    const dir = await writeHistory([T, 'SELECT 1;']);
    expect((await runCli(['apply', '-q', '-m', dir, '-d', f.url, '--to', 'r1'])).code).toBe(0);
    const check = await runCli(['check', '-q', '-m', dir, '-d', f.url]);
    expect(check.stdout).toContain('not in sync: no schema difference in');
    expect(check.stdout).toContain('apply records revision r2 in alembic_version');
    const json = JSON.parse((await runCli(['check', '-q', '-m', dir, '-d', f.url, '-f', 'json'])).stdout);
    expect(json.inSync).toBe(false);
    expect(json.verdict).toMatchObject({ pending: 0, stamp: true });
    // --no-stamp: the stamp is not apply's business any more, for check as for plan.
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url, '--no-stamp'])).code).toBe(0);
    expect((await runCli(['plan', '-q', '-m', dir, '-d', f.url, '--no-stamp'])).code).toBe(0);
  });
});
