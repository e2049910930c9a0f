import { describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();

type Step = {
  id: number; sql: string; description: string; lock: string; rewrite: boolean; scan: boolean; dataLoss: boolean; mayFail: boolean; transaction: string;
};

const R1 = `CREATE TYPE mood AS ENUM ('a', 'b');
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE t (id int PRIMARY KEY, n int, code varchar(3), note text, p int, q int, m mood);`;
const R2 = `ALTER TABLE t ALTER COLUMN n TYPE bigint;
ALTER TABLE t ALTER COLUMN code TYPE varchar(8);
ALTER TABLE t ALTER COLUMN note TYPE varchar;
CREATE INDEX t_n ON t (n);
ALTER TABLE t ADD CONSTRAINT t_p_fk FOREIGN KEY (p) REFERENCES parent (id) NOT VALID;
ALTER TABLE t ADD CONSTRAINT t_q_fk FOREIGN KEY (q) REFERENCES parent (id);
ALTER TYPE mood ADD VALUE 'c';
ALTER TABLE t ADD COLUMN m2 mood DEFAULT 'c';
ALTER TABLE t DROP COLUMN m;`;

/** PostgreSQL's names for the lock modes, as pg_locks reports them. */
const PG_MODE: Record<string, string> = {
  'ACCESS EXCLUSIVE': 'AccessExclusiveLock', 'SHARE ROW EXCLUSIVE': 'ShareRowExclusiveLock', SHARE: 'ShareLock',
  'SHARE UPDATE EXCLUSIVE': 'ShareUpdateExclusiveLock', 'ROW EXCLUSIVE': 'RowExclusiveLock',
};

async function planned(extra: string[] = []) {
  const f = await db();
  const dir = await writeHistory([R1, R2]);
  expect((await runCli(['apply', '-q', '-m', dir, '-d', f.url, '--to', 'r1'])).code).toBe(0);
  await f.db.exec(`INSERT INTO parent VALUES (1); INSERT INTO t SELECT g, g, 'x', 'y', 1, 1, 'a' FROM generate_series(1, 50) g`);
  const r = await runCli(['plan', '-q', '-m', dir, '-d', f.url, '-f', 'json', '--allow-destructive', ...extra]);
  const steps = (JSON.parse(r.stdout) as { steps: Step[] }).steps;
  const step = (text: string): Step => {
    const found = steps.filter((s) => s.sql.includes(text));
    expect(found, text).toHaveLength(1);
    return found[0]!;
  };
  /** The table lock modes PostgreSQL itself takes running the step (in a transaction rolled back). */
  const pgLocks = async (s: Step, table = 't'): Promise<string[]> => {
    await f.db.exec(`BEGIN; ${s.sql}`);
    const rows = await f.db.query<{ mode: string }>(
      `SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND relation = '${table}'::regclass ORDER BY 1`,
    );
    await f.db.exec('ROLLBACK');
    return rows.map((x) => x.mode);
  };
  return { steps, step, pgLocks };
}

/** The strongest of the modes pg_locks lists (PostgreSQL's conflict order). */
const strongest = (modes: string[]): string =>
  ['AccessExclusiveLock', 'ExclusiveLock', 'ShareRowExclusiveLock', 'ShareLock', 'ShareUpdateExclusiveLock', 'RowExclusiveLock', 'RowShareLock', 'AccessShareLock']
    .find((m) => modes.includes(m)) ?? 'none';

describe('plan steps say their lock, flags and transaction (issue 13), as PostgreSQL takes them', () => {
  it('ALTER COLUMN TYPE int -> bigint: ACCESS EXCLUSIVE and a rewrite that may fail; varchar(3) -> varchar(8) and text -> varchar: no rewrite, cannot fail', async () => {
    const { step, pgLocks } = await planned();
    const n = step('ALTER COLUMN n TYPE bigint');
    expect([n.lock, n.rewrite, n.mayFail, n.dataLoss, n.transaction]).toEqual(['ACCESS EXCLUSIVE', true, true, false, 'in']);
    expect(strongest(await pgLocks(n))).toBe(PG_MODE[n.lock]);
    for (const widen of [step('ALTER COLUMN code TYPE character varying(8)'), step('ALTER COLUMN note TYPE character varying;')]) {
      expect([widen.lock, widen.rewrite, widen.mayFail, widen.dataLoss]).toEqual(['ACCESS EXCLUSIVE', false, false, false]);
    }
  });

  it('CREATE INDEX takes SHARE (writes wait) and scans; with --concurrent-indexes SHARE UPDATE EXCLUSIVE, outside the transaction', async () => {
    const plain = await planned();
    const build = plain.step('CREATE INDEX IF NOT EXISTS t_n');
    expect([build.lock, build.scan, build.transaction]).toEqual(['SHARE', true, 'in']);
    expect(strongest(await plain.pgLocks(build))).toBe(PG_MODE[build.lock]);
    const concurrent = await planned(['--concurrent-indexes']);
    const c = concurrent.step('CREATE INDEX CONCURRENTLY');
    expect([c.lock, c.scan, c.transaction]).toEqual(['SHARE UPDATE EXCLUSIVE', true, 'outside']);
  });

  it('ADD FOREIGN KEY .. NOT VALID takes SHARE ROW EXCLUSIVE on both tables without a scan; a validated one is added NOT VALID, then VALIDATE scans under SHARE UPDATE EXCLUSIVE', async () => {
    const { step, pgLocks } = await planned();
    const notValid = step('ADD CONSTRAINT t_p_fk');
    expect([notValid.lock, notValid.scan, notValid.mayFail]).toEqual(['SHARE ROW EXCLUSIVE', false, false]);
    expect(strongest(await pgLocks(notValid))).toBe('ShareRowExclusiveLock');
    expect(strongest(await pgLocks(notValid, 'parent'))).toBe('ShareRowExclusiveLock');
    const validate = step('VALIDATE CONSTRAINT t_q_fk');
    expect([validate.lock, validate.scan, validate.mayFail]).toEqual(['SHARE UPDATE EXCLUSIVE', true, true]);
  });

  it('a new enum label a later step uses is committed first ("commit after"); DROP COLUMN loses data', async () => {
    const { step } = await planned();
    const label = step(`ADD VALUE IF NOT EXISTS 'c'`);
    expect([label.transaction, label.lock]).toEqual(['commit after', 'none']);
    const drop = step('DROP COLUMN IF EXISTS m');
    expect([drop.lock, drop.dataLoss, drop.transaction]).toEqual(['ACCESS EXCLUSIVE', true, 'in']);
  });
});
