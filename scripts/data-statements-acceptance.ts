/**
 * Acceptance for issue 14 on real histories: for each corpus (../shared/corpora/alembic/<name>),
 * build a database at revision N by running `offline.sql` up to N on PostgreSQL (alembic_version
 * included, as Alembic writes it), then plan the whole history with schema-sync and require that
 * every INSERT/UPDATE/DELETE of a pending revision (found by a plain line scan, not the parser) is
 * listed with its file:line, or seeded. For ckan, also that revision 106's `update package set
 * extras` is listed, pending, before the drop of package_extra.
 *
 *   npx tsx scripts/data-statements-acceptance.ts <corpus-dir>... [--every K] [--admin-url URL]
 */
import path from 'node:path';
import { loadMigrations } from '../src/load/index.js';
import { describeChange } from '../src/diff/describe-change.js';
import { parseRevision } from '../src/parse/index.js';
import { summarizePlan } from '../src/report/plan-summary.js';
import { renderPlanText } from '../src/report/plan-text.js';
import { listed, planWithHistory, scanDataLines } from '../test/alembic/history-data.js';
import { flagValue, positionals, withScratchDatabase, withScratchServer } from './support/scratch-database.js';

/** ckan's revision 106 (4a5e3465beb6 -> 12d64978ab44) moves package_extra into package.extras, then drops it. */
const CKAN_BEFORE_106 = '4a5e3465beb6';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const corpora = positionals(args, ['--admin-url', '--every']);
  const every = Number(flagValue(args, '--every') ?? '1');
  let failures = 0;
  await withScratchServer(flagValue(args, '--admin-url'), async (adminUrl) => {
    for (const dir of corpora) {
      const name = path.basename(path.resolve(dir));
      const script = path.join(dir, 'offline.sql');
      const revisions = (await loadMigrations(script)).revisions;
      const ns = revisions.map((_, i) => i + 1).filter((n) => n < revisions.length && (n % every === 0 || revisions[n - 1]!.id === CKAN_BEFORE_106));
      let checked = 0;
      let statements = 0;
      for (const n of ns) {
        await withScratchDatabase(adminUrl, `data_${name.replace(/\W/g, '_')}_${process.pid}`, async (db) => {
          for (const rev of revisions.slice(0, n)) for (const st of parseRevision(rev)) await db.exec(st.sql);
          await db.exec('COMMIT').catch(() => undefined);
          const p = await planWithHistory(db, script);
          const expected = await scanDataLines(revisions.slice(n));
          const got = listed(p);
          const missing = expected.filter((x) => !got.notRun.includes(x) && !got.seeded.includes(x));
          const pendingOk = p.alembic?.pending?.length === revisions.length - n;
          checked++;
          statements += expected.length;
          if (missing.length || !pendingOk) {
            failures++;
            process.stdout.write(`${name} at ${n} (${revisions[n - 1]!.id}): FAILED — ${missing.length} not listed: ${missing.slice(0, 5).join(', ')}; pending ${p.alembic?.pending?.length ?? 'unknown'} (expected ${revisions.length - n})\n`);
          }
          if (revisions[n - 1]!.id === CKAN_BEFORE_106) {
            const update = p.data!.notRun.find((x) => /^update package set extras/i.test(x.statement.sql));
            const drop = update?.related.find((r) => {
              const d = describeChange(r.skipped ? p.skipped[r.index]! : p.changes[r.index]!);
              return d.action === 'drop' && d.name === 'public.package_extra';
            });
            // In the text, the UPDATE is printed under the drop it precedes (and in the data section before the skipped list).
            const text = renderPlanText(p, summarizePlan(p, 0));
            const underDrop = /drop table public\.package_extra [^\n]*\n\s+↳ the history runs UPDATE public\.package /.test(text);
            const ok = !!update && update.pending === true && !!drop?.before && underDrop;
            if (!ok) failures++;
            process.stdout.write(
              `${name} at ${n} (${CKAN_BEFORE_106}): revision 106's UPDATE ${update ? `listed at ${update.statement.origin.file}:${update.statement.origin.line}` : 'NOT listed'}` +
                `${drop?.before ? ', before the drop of public.package_extra' : ', not placed before the drop'}` +
                `${underDrop ? ' (text: under the drop)' : ' (text: NOT under the drop)'} — ${ok ? 'OK' : 'FAILED'}\n`,
            );
          }
        });
      }
      process.stdout.write(`${name}: ${checked} databases (revisions ${ns[0]}..${ns.at(-1)} every ${every}), ${statements} pending data statements expected in all — ${failures ? 'FAILURES above' : 'all listed with file:line'}\n`);
    }
  });
  return failures ? 2 : 0;
}

process.exitCode = await main();
