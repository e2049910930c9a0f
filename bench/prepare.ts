/**
 * Leaves one benchmark size in place for profiling: the generated history written to a folder and,
 * on the server given, the database built from it (`<prefix>_full`) and the drifted copy
 * (`<prefix>_drift`) that `npm run bench` plans against. Nothing is dropped afterwards, so two
 * builds of schema-sync can be timed against the same databases, e.g.
 *
 *   npx tsx bench/prepare.ts --size L --admin-url postgres://postgres@localhost:55999/postgres --dir /work/perf/L
 *   node bin/schema-sync.js plan -m /work/perf/L/revisions -d postgres://.../bench_l_drift --format json
 */
import path from 'node:path';
import { flagValue } from '../scripts/support/scratch-database.js';
import { BenchDatabases } from './databases.js';
import { generateHistory } from './generate/history.js';
import { writeHistory } from './generate/write-history.js';

const SIZES: Record<string, number> = { S: 100, M: 1_000, L: 5_000 };
const args = process.argv.slice(2);
const size = (flagValue(args, '--size') ?? 'L').toUpperCase();
const adminUrl = flagValue(args, '--admin-url');
const dir = flagValue(args, '--dir');
if (!(size in SIZES) || !adminUrl || !dir) {
  process.stderr.write('usage: npx tsx bench/prepare.ts --size S|M|L --admin-url URL --dir DIR\n');
  process.exit(1);
}
const history = generateHistory(SIZES[size]!);
const revisions = writeHistory(history, path.resolve(dir));
const dbs = await BenchDatabases.connect(adminUrl);
try {
  const base = `bench_${size.toLowerCase()}`;
  await dbs.buildFromHistory(`${base}_full`, history.revisions);
  await dbs.create(`${base}_drift`, `${base}_full`);
  await dbs.execEach(`${base}_drift`, history.drift);
  process.stdout.write(`history: ${revisions}\nbuilt:   ${dbs.url(`${base}_full`)}\ndrifted: ${dbs.url(`${base}_drift`)}\n`);
} finally {
  await dbs.close();
}
