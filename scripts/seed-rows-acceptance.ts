/**
 * Seed-rows acceptance on real histories: one database built by running the whole history on
 * PostgreSQL (the oracle), one empty database brought to the head by `apply`. Every table a data
 * statement of the history writes must hold the oracle's rows, unless the plan lists a statement
 * on it that may change rows with why it is not run with the seeds. Prints per history the seed
 * statements by verb, the tables compared, equal, and differing (told or not).
 *
 *   npx tsx scripts/seed-rows-acceptance.ts <history-dir>... [--admin-url URL]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliOutput } from '../src/cli/cli-io.js';
import { run } from '../src/cli/run.js';
import type { Database } from '../src/db/index.js';
import { loadMigrations, type Revision } from '../src/load/index.js';
import { qualify } from '../src/model/names.js';
import { parseRevision } from '../src/parse/index.js';
import { replay } from '../src/replay/index.js';
import { planWithReplayed } from '../test/alembic/history-data.js';
import { flagValue, positionals, withScratchDatabase, withScratchServer } from './support/scratch-database.js';

/** Runs the revisions' statements as psql would, one at a time, leaving out the offline script's BEGIN/COMMIT. */
async function runAll(db: Database, revisions: readonly Revision[]): Promise<void> {
  // A corpus's revisions update alembic_version, which offline.sql creates before them.
  await db.exec('CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY)');
  for (const rev of revisions) {
    for (const st of parseRevision(rev)) {
      if (/^\s*(BEGIN|COMMIT)\s*;?\s*$/i.test(st.sql)) continue;
      await db.exec(st.sql);
    }
  }
}

/** Each table's rows, ordered, as JSON text (undefined when the table is missing). */
async function rows(db: Database, tables: readonly string[]): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  for (const t of tables) {
    const [exists] = await db.query<{ r: string | null }>(`SELECT to_regclass($1)::text AS r`, [t]);
    out.set(t, exists?.r ? JSON.stringify(await db.query(`SELECT * FROM ${t} AS t ORDER BY t::text`)) : undefined);
  }
  return out;
}

const sink = (): CliOutput & { text: () => string } => {
  const chunks: string[] = [];
  return { isTTY: false, write: (s: string) => chunks.push(s), text: () => chunks.join('') };
};

async function check(adminUrl: string, dir: string): Promise<boolean> {
  const migrations = existsSync(path.join(dir, 'revisions')) ? path.join(dir, 'revisions') : dir;
  const history = await loadMigrations(migrations);
  const replayed = replay(history);
  const tables = [...new Set(replayed.data.flatMap((d) => (d.target && !d.target.dropped ? [qualify(d.target.final)] : [])))];
  const expected = await withScratchDatabase(adminUrl, 'seed_oracle', async (db) => {
    await runAll(db, history.revisions);
    return rows(db, tables);
  });
  return withScratchDatabase(adminUrl, 'seed_applied', async (db, url) => {
    const p = await planWithReplayed(db, history, replayed);
    const [stdout, stderr] = [sink(), sink()];
    const code = await run(['apply', '-m', migrations, '-d', url], { stdout, stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() });
    if (code !== 0) {
      console.log(`${dir}: apply exited ${code}\n${stderr.text()}`);
      return false;
    }
    const got = await rows(db, tables);
    const verbs = new Map<string, number>();
    for (const d of p.data?.seeded ?? []) verbs.set(d.verb, (verbs.get(d.verb) ?? 0) + 1);
    let equal = 0;
    const told: string[] = [];
    const silent: string[] = [];
    for (const t of tables) {
      if (got.get(t) === expected.get(t)) {
        equal++;
        continue;
      }
      const listed = (p.data?.notRun ?? []).some((n) => n.effect === 'rows' && n.notSeeded && n.statement.target && qualify(n.statement.target.final) === t);
      (listed ? told : silent).push(t);
    }
    console.log(`${dir}: seeded ${JSON.stringify(Object.fromEntries(verbs))}; ${tables.length} tables written by data statements: ${equal} equal, ${told.length} differ and told (${told.join(', ')}), ${silent.length} differ silently (${silent.join(', ')})`);
    return silent.length === 0;
  });
}

const args = process.argv.slice(2);
const ok = await withScratchServer(flagValue(args, '--admin-url'), async (adminUrl) => {
  let all = true;
  for (const dir of positionals(args, ['--admin-url'])) all = (await check(adminUrl, dir)) && all;
  return all;
});
process.exitCode = ok ? 0 : 1;
