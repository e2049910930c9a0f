import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/index.js';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';
import { writeHistory } from '../support/temp-history.js';

const { db, defer } = perTestResources();

const HISTORY = [
  `CREATE TABLE orders (id serial PRIMARY KEY, qty int NOT NULL);
   CREATE TABLE archive (id int PRIMARY KEY, note text DEFAULT 'x', CHECK (id > 0));
   CREATE INDEX archive_note ON archive (lower(note));`,
  `ALTER TABLE orders ADD COLUMN note text; CREATE INDEX orders_qty ON orders (qty);`,
];

describe('locks held by other sessions', () => {
  for (const command of ['plan', 'check', 'inspect'] as const) {
    it(`${command}: a table held ACCESS EXCLUSIVE elsewhere fails the catalog read quickly, naming it`, async () => {
      const f = await db();
      const dir = await writeHistory(HISTORY);
      await f.db.exec(HISTORY[0]!);
      const holder = await openDatabase(f.url);
      defer(() => holder.close());
      // What VACUUM FULL or a long ALTER TABLE on a table the plan does not even touch holds.
      await holder.exec('BEGIN; LOCK TABLE archive IN ACCESS EXCLUSIVE MODE');
      defer(() => holder.exec('ROLLBACK'));
      const args = command === 'inspect' ? ['inspect', '-d', f.url] : [command, '-m', dir, '-d', f.url];
      const r = await runCli(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/reading the catalog timed out after 5 s waiting for a lock: another session holds public\.archive \(AccessExclusiveLock, pid \d+: BEGIN; LOCK TABLE archive/);
    }, 60_000);
  }

  it('apply: a lock timeout costs one lock_timeout, not two, and names the table', async () => {
    const f = await db();
    await f.db.exec(HISTORY[0]!);
    const dir = await writeHistory(HISTORY);
    const holder = await openDatabase(f.url);
    defer(() => holder.close());
    await holder.exec('BEGIN; LOCK TABLE orders IN ROW EXCLUSIVE MODE');
    defer(() => holder.exec('ROLLBACK'));
    // Count the lock waits of apply's session: each has its own query_start.
    const waits = new Set<string>();
    let done = false;
    const watch = (async () => {
      while (!done) {
        const rows = await f.db.query<{ s: string }>(
          `SELECT query_start::text AS s FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'schema-sync' AND wait_event_type = 'Lock'`,
        );
        for (const r of rows) waits.add(r.s);
        await new Promise((res) => setTimeout(res, 100));
      }
    })();
    const r = await runCli(['apply', '-m', dir, '-d', f.url, '--lock-timeout', '2']);
    done = true;
    await watch;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/lock timeout after 2 s in the transaction of steps? [\d-]+: another session holds a lock on public\.orders \(RowExclusiveLock, pid \d+/);
    expect(r.stderr).toContain('the transaction was rolled back: the database is unchanged');
    expect(waits.size).toBe(1);
  }, 60_000);
});
