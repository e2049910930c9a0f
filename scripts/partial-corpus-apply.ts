/**
 * Acceptance for `apply` on real histories: for each corpus folder (e.g.
 * ../shared/corpora/alembic/<name>), build a database from the first half of its revisions
 * (executed statement by statement on real PostgreSQL, from `offline.sql`), apply the full
 * history with schema-sync, then require `check` to find no difference and a second apply to
 * have nothing to do.
 *
 *   npx tsx scripts/partial-corpus-apply.ts <corpus-dir>... [--admin-url URL]
 */
import path from 'node:path';
import { apply } from '../src/apply/index.js';
import { compareStates } from '../src/diff/index.js';
import { introspect } from '../src/introspect/index.js';
import { loadMigrations } from '../src/load/index.js';
import { parseRevision } from '../src/parse/index.js';
import { replay } from '../src/replay/index.js';
import { flagValue, positionals, withScratchDatabase, withScratchServer } from './support/scratch-database.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const corpora = positionals(args, ['--admin-url']);
  let worst = 0;
  await withScratchServer(flagValue(args, '--admin-url'), async (adminUrl) => {
    for (const dir of corpora) {
      const name = path.basename(path.resolve(dir));
      await withScratchDatabase(adminUrl, `partial_${name.replace(/\W/g, '_')}_${process.pid}`, async (db) => {
        try {
          const offline = await loadMigrations(path.join(dir, 'offline.sql'));
          const half = Math.floor(offline.revisions.length / 2);
          let statements = 0;
          for (const rev of offline.revisions.slice(0, half)) {
            for (const st of parseRevision(rev)) {
              await db.exec(st.sql);
              statements++;
            }
          }
          // The offline script commits at its end; a half script leaves its transaction open.
          await db.exec('COMMIT').catch(() => undefined);
          const target = replay(await loadMigrations(path.join(dir, 'revisions'))).state;
          const t0 = performance.now();
          // The history drops objects the half-built database still has: those drops are part of it.
          const first = await apply(db, target, { allowDestructive: true });
          const seconds = (performance.now() - t0) / 1000;
          const differences = compareStates(target, await introspect(db, {}));
          const second = await apply(db, target, { allowDestructive: true });
          const ok = differences.length === 0 && first.remaining.steps.length === 0 && second.plan.steps.length === 0;
          process.stdout.write(
            `${name}: ${half}/${offline.revisions.length} revisions (${statements} statements) run on PostgreSQL; apply: ` +
              `${first.plan.changes.length} changes in ${first.plan.steps.length} steps (${seconds.toFixed(2)} s), ` +
              `${first.plan.skipped.length} skipped, ${first.plan.unmanaged.length} unmanaged; check: ${differences.length} differences; ` +
              `second apply: ${second.plan.steps.length} steps — ${ok ? 'OK' : 'FAILED'}\n`,
          );
          for (const d of differences.slice(0, 10)) process.stdout.write(`  ${d.kind} ${d.object} ${d.name} ${JSON.stringify(d.attributes ?? '')}\n`);
          for (const s of second.plan.steps.slice(0, 10)) process.stdout.write(`  still planned: ${s.description}\n`);
          if (!ok) worst = Math.max(worst, 2);
        } catch (e) {
          process.stdout.write(`${name}: ERROR ${(e as Error).message}\n`);
          worst = 1;
        }
      });
    }
  });
  return worst;
}

process.exitCode = await main();
