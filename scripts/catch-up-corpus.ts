/**
 * Catch-up acceptance from EVERY starting point of real histories. For each corpus folder (e.g.
 * ../shared/corpora/alembic/<name>, or a plain migrations folder such as the example history
 * alembic-versions/, whose revisions run in order stand in for offline.sql) and every N from 0 to
 * the number of revisions: a database
 * built on PostgreSQL from the first N revisions of `offline.sql` (statement by statement, as
 * psql would run them) is brought to the target replayed from `revisions/`:
 *   1. safe mode (`apply` without --allow-destructive) must succeed and leave only destructive
 *      changes pending, with what cannot run without them (a second safe plan must be empty and
 *      every other pending change among the ones it leaves out with a destructive one);
 *   2. `apply --allow-destructive` must then make `pg_dump --schema-only` equal to pg_dump of a
 *      database built from the whole script (up to column order; alembic_version left out);
 *   3. a second plan must be empty.
 * The judge is PostgreSQL's own pg_dump (test/support/pg-dump), not schema-sync's model.
 *
 *   npx tsx scripts/catch-up-corpus.ts <corpus-dir>... [--admin-url URL] [--only N] [--verbose]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { apply } from '../src/apply/index.js';
import { openDatabase, type Database } from '../src/db/index.js';
import { diff } from '../src/diff/index.js';
import { introspect } from '../src/introspect/index.js';
import { loadMigrations } from '../src/load/index.js';
import type { Revision } from '../src/load/types.js';
import type { SchemaState } from '../src/model/schema-state.js';
import { parseRevision } from '../src/parse/index.js';
import { describe } from '../src/plan/describe.js';
import { plan } from '../src/plan/index.js';
import { replay } from '../src/replay/index.js';
import { pgDumpSchema } from '../test/support/pg-dump/pg-dump.js';
import { dumpDifference } from '../test/support/pg-dump/schema-oracle.js';
import { adminExec, flagValue, positionals, scratchUrl, withScratchDatabase, withScratchServer } from './support/scratch-database.js';

const DUMP_ARGS = ['--exclude-table=public.alembic_version'];

/** Runs one revision's statements in autocommit, leaving out the offline script's BEGIN/COMMIT. */
async function runRevision(db: Database, rev: Revision): Promise<void> {
  for (const st of parseRevision(rev)) {
    if (/^\s*(BEGIN|COMMIT)\s*;?\s*$/i.test(st.sql)) continue;
    try {
      await db.exec(st.sql);
    } catch (e) {
      throw new Error(`${st.pos.file}:${st.pos.line}: ${(e as Error).message}`);
    }
  }
}

interface Verdict {
  readonly safe: boolean;
  readonly converged: boolean;
  readonly emptySecondPlan: boolean;
  readonly problems: readonly string[];
}

const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/** The three checks on one database built at some revision. */
async function catchUp(db: Database, url: string, target: SchemaState, reference: string): Promise<Verdict> {
  const problems: string[] = [];
  let safe = false;
  try {
    await apply(db, target, { lockWaitMs: 5000 });
    const live = await introspect(db, {});
    const changes = diff(target, live);
    // Safe mode is done: a second safe plan has nothing to run, and every change still pending is
    // destructive or left out with one (the constraint on a column the history replaces, ...).
    const again = plan(changes, live, { concurrentIndexes: false });
    const rest = plan(changes, live, { allowDestructive: true, concurrentIndexes: false });
    const withDestructive = new Set(again.skipped.map((c) => describe(c)));
    const notDestructive = rest.changes.filter((c) => c.safety !== 'destructive' && !withDestructive.has(describe(c)));
    safe = again.steps.length === 0 && notDestructive.length === 0;
    if (again.steps.length) problems.push(`safe mode not done: a second safe plan has ${again.steps.length} step(s), e.g. ${again.steps[0]!.description}`);
    if (notDestructive.length) {
      const examples = notDestructive.slice(0, 2).map((c) => `${describe(c)} [${c.safety}]`);
      problems.push(`safe mode left ${notDestructive.length} non-destructive change(s) not tied to a destructive one: ${examples.join(', ')}`);
    }
  } catch (e) {
    problems.push(`safe apply failed: ${firstLine(e)}`);
  }
  let converged = false;
  let emptySecondPlan = false;
  try {
    const result = await apply(db, target, { allowDestructive: true, lockWaitMs: 5000 });
    const difference = dumpDifference(reference, await pgDumpSchema(url, DUMP_ARGS), ['built from the history', 'caught up']);
    converged = difference === undefined;
    if (difference) {
      const lines = difference.split('\n').filter((l) => /^[-+][^-+]/.test(l));
      problems.push(`pg_dump differs (${lines.length} lines): ${lines.slice(0, 3).join(' | ')}`);
    }
    const live = await introspect(db, {});
    const again = plan(diff(target, live), live, { allowDestructive: true, concurrentIndexes: false });
    emptySecondPlan = result.remaining.steps.length === 0 && again.steps.length === 0;
    if (!emptySecondPlan) problems.push(`second plan has ${again.steps.length} step(s), e.g. ${again.steps[0]?.description}`);
  } catch (e) {
    problems.push(`apply --allow-destructive failed: ${firstLine(e)}`);
  }
  return { safe, converged, emptySecondPlan, problems };
}

async function runCorpus(adminUrl: string, dir: string, only: number | undefined, verbose: boolean): Promise<boolean> {
  const name = path.basename(path.resolve(dir));
  // A corpus has offline.sql (what psql runs) and revisions/; a plain migrations folder (the
  // example history, alembic-versions/) is both: its revisions run in order build the reference.
  const offlineScript = path.join(dir, 'offline.sql');
  const plain = !existsSync(offlineScript);
  const offline = (await loadMigrations(plain ? dir : offlineScript)).revisions;
  const replayed = replay((await loadMigrations(plain ? dir : path.join(dir, 'revisions'))).revisions);
  const errors = replayed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`${name}: replay errors: ${errors[0]!.message}`);
  const target = replayed.state;
  const base = `catchup_${name.replace(/\W/g, '_')}_${process.pid}`;
  const reference = await withScratchDatabase(adminUrl, `${base}_ref`, async (db, url) => {
    for (const rev of offline) await runRevision(db, rev);
    return pgDumpSchema(url, DUMP_ARGS);
  });
  const counts = { safe: 0, converged: 0, emptySecondPlan: 0, all: 0 };
  const started = performance.now();
  // The builder database grows one revision at a time; each starting point is a copy of it
  // (CREATE DATABASE ... TEMPLATE needs the builder to have no open connection at that moment).
  const builderName = `${base}_build`;
  const builderUrl = scratchUrl(adminUrl, builderName);
  await adminExec(adminUrl, `DROP DATABASE IF EXISTS "${builderName}" WITH (FORCE)`);
  await adminExec(adminUrl, `CREATE DATABASE "${builderName}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  try {
    for (let n = 0; n <= offline.length; n++) {
      if (only === undefined || only === n) {
        const verdict = await withScratchDatabase(adminUrl, `${base}_at`, (db, url) => catchUp(db, url, target, reference), builderName);
        counts.all++;
        if (verdict.safe) counts.safe++;
        if (verdict.converged) counts.converged++;
        if (verdict.emptySecondPlan) counts.emptySecondPlan++;
        if (verdict.problems.length || verbose) {
          process.stdout.write(`  ${name} from revision ${n}${n ? ` (${offline[n - 1]!.id})` : ''}: ${verdict.problems.join('; ') || 'OK'}\n`);
        }
      }
      if (n < offline.length && (only === undefined || n < only)) {
        const builder = await openDatabase(builderUrl);
        try {
          await runRevision(builder, offline[n]!);
        } finally {
          await builder.close();
        }
      }
    }
  } finally {
    await adminExec(adminUrl, `DROP DATABASE IF EXISTS "${builderName}" WITH (FORCE)`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  process.stdout.write(
    `${name}: ${counts.all} starting points (${offline.length} revisions): safe mode ok ${counts.safe}, ` +
      `converged by pg_dump ${counts.converged}, second plan empty ${counts.emptySecondPlan} (${seconds} s)\n`,
  );
  return counts.safe === counts.all && counts.converged === counts.all && counts.emptySecondPlan === counts.all;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const corpora = positionals(args, ['--admin-url', '--only']);
  const onlyText = flagValue(args, '--only');
  const only = onlyText === undefined ? undefined : Number(onlyText);
  let ok = true;
  await withScratchServer(flagValue(args, '--admin-url'), async (adminUrl) => {
    for (const dir of corpora) ok = (await runCorpus(adminUrl, dir, only, args.includes('--verbose'))) && ok;
  });
  return ok ? 0 : 2;
}

process.exitCode = await main();
