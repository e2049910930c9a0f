/**
 * Acceptance check for Alembic corpora (e.g. ../shared/corpora/alembic/<name>): loads the
 * corpus's `expected-schema.sql` (pg_dump of what PostgreSQL really built) into a fresh database,
 * replays `revisions/` and `offline.sql` with schema-sync, and compares each with the database.
 *
 *   npx tsx scripts/check-corpus.ts <corpus-dir>... [--admin-url postgres://...] [--verbose]
 *
 * Without --admin-url (or TEST_DATABASE_URL) it starts an embedded PostgreSQL 15 for the run.
 * Exit 0 when every corpus matches, 2 when any differs, 1 on error.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compareStates, countObjects } from '../src/diff/index.js';
import { introspect } from '../src/introspect/index.js';
import { loadMigrations } from '../src/load/index.js';
import { renderCheckText } from '../src/report/check-report.js';
import { replay } from '../src/replay/index.js';
import { flagValue, positionals, withScratchDatabase, withScratchServer } from './support/scratch-database.js';

/** pg_dump 15.14+ writes psql meta-commands that no server or parser accepts. */
export function stripPsqlMeta(sql: string): string {
  return sql.replace(/^\\(restrict|unrestrict)\b.*$/gm, '');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const corpora = positionals(args, ['--admin-url']);
  if (!corpora.length) {
    process.stderr.write('usage: check-corpus.ts <corpus-dir>... [--admin-url URL] [--verbose]\n');
    return 1;
  }
  let worst = 0;
  await withScratchServer(flagValue(args, '--admin-url'), async (adminUrl) => {
    for (const dir of corpora) {
      const name = path.basename(path.resolve(dir));
      await withScratchDatabase(adminUrl, `corpus_${name.replace(/\W/g, '_')}_${process.pid}`, async (db) => {
        await db.exec(stripPsqlMeta(readFileSync(path.join(dir, 'expected-schema.sql'), 'utf8')));
        const t0 = performance.now();
        const live = await introspect(db, {});
        const tIntrospect = performance.now() - t0;
        for (const input of ['revisions', 'offline.sql']) {
          const p = path.join(dir, input);
          if (!existsSync(p)) continue;
          const t1 = performance.now();
          const result = replay(await loadMigrations(p));
          const tReplay = performance.now() - t1;
          const warnings = result.diagnostics.length;
          const differences = compareStates(result.state, live);
          const objects = countObjects(result.state, live);
          process.stdout.write(
            `${name}/${input}: ${objects} objects compared, ${differences.length} differences, ${warnings} diagnostics ` +
              `(replay ${tReplay.toFixed(0)} ms, introspect ${tIntrospect.toFixed(0)} ms)\n`,
          );
          for (const d of result.diagnostics.slice(0, verbose ? Infinity : 10)) {
            process.stdout.write(`  ${d.severity}: ${d.pos.file}:${d.pos.line}: ${d.message}\n`);
          }
          if (differences.length) {
            const text = renderCheckText({ target: p, database: db.label, objectsCompared: objects, differences });
            const lines = text.trimEnd().split('\n');
            process.stdout.write(lines.slice(0, verbose ? Infinity : 40).map((l) => '  ' + l).join('\n') + '\n');
            if (!verbose && lines.length > 40) process.stdout.write(`  ... ${lines.length - 40} more lines (--verbose)\n`);
          }
          if (differences.length || warnings) worst = 2;
        }
      });
    }
  });
  return worst;
}

process.exitCode = await main();
