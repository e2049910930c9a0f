import { expect } from 'vitest';
import type { Database } from '../../src/db/index.js';
import { loadMigrations } from '../../src/load/index.js';
import { qualify } from '../../src/model/names.js';
import type { FreshDatabase } from '../support/database.js';
import { runCli } from '../support/run-cli.js';
import { runMigrations } from '../support/run-migrations.js';
import { writeHistory } from '../support/temp-history.js';
import { planWithHistory } from './history-data.js';

/** Every row of each table, ordered by all its columns, as JSON text per table. */
async function contents(d: Database, tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tables) out[t] = JSON.stringify(await d.query(`SELECT * FROM ${t} AS t ORDER BY t::text`));
  return out;
}

/**
 * The rows oracle for seeding: one database built by running the whole history with PostgreSQL,
 * then, from every revision (0: an empty database; n: the history run up to revision n, stamped
 * in alembic_version), `apply` to the head. Each table must end up with the oracle's rows unless
 * the plan lists a pending data statement on it that may change rows (schema-sync does not change
 * existing rows) and, on a table the apply creates, says why it is not run with the seed rows.
 * `starts` limits the starts to the first ones. Returns the plans' not-run statements per start,
 * as `verb table line`, for further checks.
 */
export async function seedRowsFromEveryRevision(
  db: () => Promise<FreshDatabase>, history: readonly string[], tables: readonly string[], starts = history.length,
): Promise<string[][]> {
  const dir = await writeHistory(history);
  const revisions = (await loadMigrations(dir)).revisions;
  const oracle = await db();
  await runMigrations(oracle.db, revisions);
  const expected = await contents(oracle.db, tables);
  const notRunPerStart: string[][] = [];
  for (let n = 0; n < starts; n++) {
    const f = await db();
    await runMigrations(f.db, revisions.slice(0, n));
    if (n) await f.db.exec(`CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); INSERT INTO alembic_version VALUES ('r${n}')`);
    const p = await planWithHistory(f.db, dir);
    const created = new Set(p.changes.flatMap((c) => (c.kind === 'createTable' ? [qualify(c.table)] : [])));
    const r = await runCli(['apply', '-m', dir, '-d', f.url]);
    expect({ n, code: r.code, error: r.stderr.includes('error') }, r.stderr).toEqual({ n, code: 0, error: false });
    const got = await contents(f.db, tables);
    const notRun = p.data?.notRun ?? [];
    notRunPerStart.push(notRun.map((x) => `${x.statement.verb} ${x.statement.target ? qualify(x.statement.target.final) : ''} ${x.statement.origin.line}`));
    for (const t of tables) {
      const key = t.includes('.') ? t : `public.${t}`;
      // On a table the plan creates, a statement not run must also say why it is not run with the seeds.
      const told = notRun.some((x) => x.pending !== false && x.effect === 'rows' && x.statement.target && qualify(x.statement.target.final) === key && (!created.has(key) || x.notSeeded));
      if (!told) expect({ n, table: t, rows: got[t] }).toEqual({ n, table: t, rows: expected[t] });
    }
  }
  return notRunPerStart;
}
