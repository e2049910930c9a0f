/**
 * Acceptance for issue 14 on real histories: for every revision N of each history, a database is
 * built at N, one row is put into every existing table that a pending revision's data statement
 * changes or reads (so backfills have rows to move), and the history is planned against it. The
 * plan must list every INSERT/UPDATE/DELETE of a pending revision (found by a plain line scan,
 * not the parser) with its file:line, marked pending, in history order, or seed it, and the text
 * and JSON renderings must name each one's file:line. For ckan,
 * also that revision 106's `update package set extras` is listed, pending, before the drop of
 * package_extra.
 *
 * A history is either a corpus folder (../shared/corpora/alembic/<name>: the database is built
 * from `offline.sql`, alembic_version included as Alembic writes it, and `revisions/` is planned)
 * or a folder of revision files such as alembic-versions/ (built from its own files, with
 * alembic_version stamped as Alembic would). One database is built revision by revision; each N
 * is checked on a copy of it (CREATE DATABASE .. TEMPLATE), so a run costs one build, not N.
 *
 *   npx tsx scripts/data-statements-acceptance.ts <history-dir>... [--every K] [--admin-url URL]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from '../src/db/index.js';
import { describeChange } from '../src/diff/describe-change.js';
import { loadMigrations, type Revision } from '../src/load/index.js';
import { qualify } from '../src/model/names.js';
import { parseRevision } from '../src/parse/index.js';
import type { Plan } from '../src/plan/index.js';
import { replay } from '../src/replay/index.js';
import { summarizePlan } from '../src/report/plan-summary.js';
import { renderPlanJson } from '../src/report/plan-json.js';
import { renderPlanText } from '../src/report/plan-text.js';
import { listed, planWithReplayed, scanDataLines } from '../test/alembic/history-data.js';
import { ensureRow, type RowOutcome } from './support/minimal-rows.js';
import { adminExec, flagValue, positionals, scratchUrl, withScratchDatabase, withScratchServer } from './support/scratch-database.js';

/** ckan's revision 106 (4a5e3465beb6 -> 12d64978ab44) moves package_extra into package.extras, then drops it. */
const CKAN_BEFORE_106 = '4a5e3465beb6';

interface JsonStatement {
  file: string;
  line: number;
}

interface Figures {
  points: number;
  expected: number;
  listed: number;
  withRows: number;
  tablesFilled: number;
  rowFailures: string[];
  failures: number;
}

/** Alembic's own bookkeeping for a history built from plain revision files: one row per head of what ran. */
function stampSql(ran: readonly Revision[]): string {
  const parents = new Set(ran.flatMap((r) => r.parents));
  const heads = ran.filter((r) => !parents.has(r.id)).map((r) => `('${r.id}')`);
  return (
    'CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));\n' +
    `DELETE FROM alembic_version; INSERT INTO alembic_version (version_num) VALUES ${heads.join(', ')};`
  );
}

/** file:line of a listed statement, in the order the plan lists it, restricted to `expected`. */
function inOrder(got: readonly string[], expected: readonly string[]): boolean {
  const want = new Set(expected);
  const seq = got.filter((x) => want.has(x));
  const rank = new Map(expected.map((x, i) => [x, i]));
  return seq.every((x, i) => i === 0 || rank.get(seq[i - 1]!)! < rank.get(x)!);
}

/** The ckan revision-106 check: the UPDATE is listed, pending, before the drop, and printed under it. */
function check106(p: Plan): { ok: boolean; text: string } {
  const update = p.data!.notRun.find((x) => /^update package set extras/i.test(x.statement.sql));
  const drop = update?.related.find((r) => {
    const d = describeChange(r.skipped ? p.skipped[r.index]! : p.changes[r.index]!);
    return d.action === 'drop' && d.name === 'public.package_extra';
  });
  const text = renderPlanText(p, summarizePlan(p, 0));
  const underDrop = /drop table public\.package_extra [^\n]*\n\s+↳ the history runs UPDATE public\.package /.test(text);
  const ok = !!update && update.pending === true && !!drop?.before && underDrop;
  return {
    ok,
    text:
      `revision 106's UPDATE ${update ? `listed at ${update.statement.origin.file}:${update.statement.origin.line}` : 'NOT listed'}` +
      `${drop?.before ? ', before the drop of public.package_extra' : ', not placed before the drop'}` +
      `${underDrop ? ' (text: under the drop)' : ' (text: NOT under the drop)'} — ${ok ? 'OK' : 'FAILED'}`,
  };
}

/** Puts a row into each existing table the pending data statements change or read. */
async function addRows(db: Database, tables: readonly string[]): Promise<RowOutcome[]> {
  const out: RowOutcome[] = [];
  for (const t of tables) {
    const [{ found }] = (await db.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [t])) as [{ found: string | null }];
    if (found === null) continue; // created by a pending revision
    const [{ kind }] = (await db.query<{ kind: string }>('SELECT relkind::text AS kind FROM pg_class WHERE oid = $1::regclass', [found])) as [{ kind: string }];
    if (kind !== 'r' && kind !== 'p') continue; // a view or sequence holds no rows of its own
    out.push(...(await ensureRow(db, found)));
  }
  return out;
}

async function checkHistory(adminUrl: string, dir: string, every: number): Promise<Figures> {
  const name = path.basename(path.resolve(dir));
  const corpus = existsSync(path.join(dir, 'offline.sql'));
  const build = (await loadMigrations(corpus ? path.join(dir, 'offline.sql') : dir)).revisions;
  const history = await loadMigrations(corpus ? path.join(dir, 'revisions') : dir);
  const revisions = history.revisions;
  if (build.map((r) => r.id).join() !== revisions.map((r) => r.id).join()) throw new Error(`${name}: the built and the planned history differ in their revisions`);
  const replayed = replay(history);
  const f: Figures = { points: 0, expected: 0, listed: 0, withRows: 0, tablesFilled: 0, rowFailures: [], failures: 0 };
  const builder = `data_build_${name.replace(/\W/g, '_')}_${process.pid}`;
  const scratch = `data_check_${name.replace(/\W/g, '_')}_${process.pid}`;
  await adminExec(adminUrl, `DROP DATABASE IF EXISTS "${builder}" WITH (FORCE)`);
  await adminExec(adminUrl, `CREATE DATABASE "${builder}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  try {
    for (let n = 1; n < revisions.length; n++) {
      const b = await openDatabase(scratchUrl(adminUrl, builder));
      try {
        for (const st of parseRevision(build[n - 1]!)) await b.exec(st.sql);
        await b.exec('COMMIT').catch(() => undefined);
        if (!corpus) await b.exec(stampSql(build.slice(0, n)));
      } finally {
        await b.close();
      }
      if (n % every !== 0 && revisions[n - 1]!.id !== CKAN_BEFORE_106) continue;
      await withScratchDatabase(adminUrl, scratch, async (db) => {
        const pendingIds = new Set(revisions.slice(n).map((r) => r.id));
        const pendingData = replayed.data.filter((d) => d.origin.revision !== null && pendingIds.has(d.origin.revision));
        const tables = [...new Set(pendingData.flatMap((d) => [...(d.target ? [d.target.name] : []), ...d.reads.map((r) => r.name)]).map((q) => qualify(q)))];
        const rows = await addRows(db, tables);
        const filled = rows.filter((r) => r.result !== 'failed');
        if (filled.length) f.withRows++;
        f.tablesFilled += rows.filter((r) => r.result === 'inserted').length;
        for (const r of rows) if (r.result === 'failed') f.rowFailures.push(`${n}: ${r.table}: ${r.why}`);

        const p = await planWithReplayed(db, history, replayed);
        const expected = await scanDataLines(revisions.slice(n) as Revision[]);
        const got = listed(p);
        const pendingListed = (p.data?.notRun ?? []).filter((x) => x.pending === true).map((x) => `${x.statement.origin.file}:${x.statement.origin.line}`);
        const missing = expected.filter((x) => !pendingListed.includes(x) && !got.seeded.includes(x));
        const ordered = inOrder(got.notRun, expected) && inOrder(got.seeded, expected);
        // What the user reads: the text and the JSON plan name each one's file:line.
        const summary = summarizePlan(p, 0);
        const text = renderPlanText(p, summary);
        const json = JSON.parse(renderPlanJson(p, summary)) as { data?: { seeded: JsonStatement[]; notRun: (JsonStatement & { pending: boolean | null })[] } };
        const inJson = new Set([...(json.data?.notRun ?? []).filter((x) => x.pending === true), ...(json.data?.seeded ?? [])].map((x) => `${x.file}:${x.line}`));
        const unseen = expected.filter((x) => !text.includes(x) || !inJson.has(x));
        if (unseen.length) missing.push(...unseen.map((x) => `${x} (not in the text or JSON plan)`));
        const pendingOk = p.alembic?.pending?.length === revisions.length - n;
        f.points++;
        f.expected += expected.length;
        f.listed += expected.length - missing.length;
        if (missing.length || !pendingOk || !ordered) {
          f.failures++;
          process.stdout.write(
            `${name} at ${n} (${revisions[n - 1]!.id}): FAILED — ${missing.length} not listed as pending: ${missing.slice(0, 5).join(', ')}; ` +
              `${ordered ? 'in history order' : 'NOT in history order'}; pending ${p.alembic?.pending?.length ?? 'unknown'} (expected ${revisions.length - n})\n`,
          );
        }
        if (revisions[n - 1]!.id === CKAN_BEFORE_106) {
          const r = check106(p);
          if (!r.ok) f.failures++;
          process.stdout.write(`${name} at ${n} (${CKAN_BEFORE_106}): ${r.text}\n`);
        }
      }, builder);
    }
  } finally {
    await adminExec(adminUrl, `DROP DATABASE IF EXISTS "${builder}" WITH (FORCE)`);
  }
  return f;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dirs = positionals(args, ['--admin-url', '--every']);
  const every = Number(flagValue(args, '--every') ?? '1');
  let failures = 0;
  await withScratchServer(flagValue(args, '--admin-url'), async (adminUrl) => {
    for (const dir of dirs) {
      const t0 = performance.now();
      const f = await checkHistory(adminUrl, dir, every);
      failures += f.failures;
      const name = path.basename(path.resolve(dir));
      process.stdout.write(
        `${name}: ${f.points} databases (every ${every === 1 ? 'revision' : `${every}th revision`}), ${f.expected} pending data statements expected, ` +
          `${f.listed} listed as pending with file:line; ${f.withRows} databases with rows in the tables the pending data statements use ` +
          `(${f.tablesFilled} rows inserted, ${f.rowFailures.length} tables without a row) — ${f.failures ? `${f.failures} FAILURES` : 'all listed, in history order'} ` +
          `(${((performance.now() - t0) / 1000).toFixed(0)} s)\n`,
      );
      for (const x of f.rowFailures.slice(0, 10)) process.stdout.write(`  no row: ${x}\n`);
    }
  });
  return failures ? 2 : 0;
}

process.exitCode = await main();
