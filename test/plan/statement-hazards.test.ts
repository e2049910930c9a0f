import { describe, expect, it } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

const { db } = perTestResources();

type JsonChange = { name: string; action: string; detail?: string; safety: string; hazards: string[]; sql: string[]; steps: number[] };
type JsonStep = { id: number; sql: string; transactional: boolean };

const R1 = `CREATE TABLE t (id int PRIMARY KEY, a int, b text, u int);
CREATE INDEX t_b ON t (b);
CREATE INDEX t_u ON t (u);`;
const R2 = `CREATE INDEX CONCURRENTLY t_a ON t (a);
DROP INDEX t_b;
CREATE INDEX t_b ON t (b) WHERE a > 0;
DROP INDEX t_u;
CREATE UNIQUE INDEX t_u ON t (u);`;

/** A database at r1 with rows, the plan to r2 as JSON, and the history. */
async function planned(extra: string[] = []) {
  const f = await db();
  const dir = await writeHistory([R1, R2]);
  expect((await runCli(['apply', '-q', '-m', dir, '-d', f.url, '--to', 'r1'])).code).toBe(0);
  await f.db.exec(`INSERT INTO t SELECT g, g, g::text, g FROM generate_series(1, 100) g`);
  const r = await runCli(['plan', '-q', '-m', dir, '-d', f.url, '-f', 'json', ...extra]);
  const j = JSON.parse(r.stdout) as { changes: JsonChange[]; steps: JsonStep[] };
  const change = (action: string, name: string): JsonChange => j.changes.find((c) => c.action === action && c.name === name)!;
  const steps = (c: JsonChange): JsonStep[] => j.steps.filter((s) => c.steps.includes(s.id));
  return { f, dir, j, change, steps };
}

describe('hazards follow the statements emitted (issue 13, defect 4)', () => {
  it('--concurrent-indexes: the index says it runs outside the transaction, not that it blocks writes', async () => {
    const { change, steps } = await planned(['--concurrent-indexes']);
    const t_b = change('create', 'public.t_b');
    expect(steps(t_b).at(-1)!.sql).toContain('CREATE INDEX CONCURRENTLY');
    expect(steps(t_b).every((s) => !s.transactional)).toBe(true);
    expect(t_b.hazards).toEqual(['runs outside the transaction', 'full table scan']);
    expect(change('create', 'public.t_u').hazards).toEqual(['runs outside the transaction', 'full table scan', 'may fail on existing data']);
  });

  it('a concurrent build reads the table twice, a plain one once (PostgreSQL\'s scan counts): hence its full table scan', async () => {
    const { f, change, steps } = await planned(['--concurrent-indexes']);
    /** Sequential scans of t PostgreSQL counts while `sql` runs (this session's statistics, flushed on demand). */
    const scansOf = async (sql: string): Promise<number> => {
      const read = async (): Promise<number> => {
        await f.db.exec('SELECT pg_catalog.pg_stat_force_next_flush()');
        return Number((await f.db.query<{ n: string }>(`SELECT seq_scan::text AS n FROM pg_stat_user_tables WHERE relid = 'public.t'::regclass`))[0]!.n);
      };
      const before = await read();
      await f.db.exec(sql);
      return (await read()) - before;
    };
    const concurrent = steps(change('create', 'public.t_a')).at(-1)!.sql;
    expect(concurrent).toBe('CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a ON public.t (a)');
    expect(await scansOf(concurrent)).toBe(2);
    expect(await scansOf('CREATE INDEX t_plain ON public.t (a)')).toBe(1);
    // Writes go on during both passes: the scan is named, the change stays safe.
    expect([change('create', 'public.t_a').safety, change('create', 'public.t_a').hazards]).toEqual(['safe', ['runs outside the transaction', 'full table scan']]);
  });

  it('without it: a plain build blocks writes and runs in the transaction', async () => {
    const { change, steps } = await planned();
    const t_b = change('create', 'public.t_b');
    expect(steps(t_b).every((s) => s.transactional)).toBe(true);
    expect(t_b.hazards).toEqual(['blocks writes while building']);
  });

  it('an index the migration built CONCURRENTLY is built CONCURRENTLY by the plan too, and PostgreSQL accepts the plan', async () => {
    const { f, dir, change, steps } = await planned();
    const t_a = change('create', 'public.t_a');
    expect(steps(t_a).at(-1)!.sql).toBe('CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a ON public.t (a)');
    expect(steps(t_a).every((s) => !s.transactional)).toBe(true);
    expect(t_a.hazards).toEqual(['runs outside the transaction', 'full table scan']);
    const text = await runCli(['plan', '-q', '-m', dir, '-d', f.url]);
    expect(text.stdout).toContain('create index public.t_a [safe: runs outside the transaction, full table scan]');
    const applied = await runCli(['apply', '-q', '-m', dir, '-d', f.url]);
    expect(applied.code).toBe(0);
    expect(await f.db.query(`SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 't_a'::regclass`)).toEqual([{ valid: true }]);
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
  });

  it('"drop (to recreate) index" names the attribute that differs', async () => {
    const { f, dir, change } = await planned();
    expect(change('drop (to recreate)', 'public.t_b').detail).toBe('where differs');
    expect(change('drop (to recreate)', 'public.t_u').detail).toBe('unique differs');
    const text = await runCli(['plan', '-q', '-m', dir, '-d', f.url]);
    expect(text.stdout).toContain('drop (to recreate) index public.t_b (where differs)');
  });
});
