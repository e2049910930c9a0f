/**
 * `npm run bench`: generates histories of S = 100, M = 1,000 and L = 5,000 tables, measures
 * schema-sync next to its peers on a real PostgreSQL, and writes BENCHMARKS.md.
 *
 *   npm run bench -- [--sizes S,M,L] [--runs 5] [--heavy-runs 3] [--admin-url postgres://...]
 *                    [--no-migra] [--out BENCHMARKS.md]
 *   npm run bench -- --render results.json   (re-renders BENCHMARKS.md from a run's raw results,
 *                                            e.g. after editing bench/NOTES.md)
 *
 * The server is the one given (or BENCH_DATABASE_URL), else an embedded PostgreSQL 15 started for
 * the run with max_locks_per_transaction raised (one transaction creating 5,000 tables with their
 * indexes and sequences needs more locks than the default 64 per connection allow) and with
 * durability off, which takes disk flush stalls out of the comparison (see below).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flagValue, withScratchServer } from '../scripts/support/scratch-database.js';
import { BenchDatabases } from './databases.js';
import { generateHistory } from './generate/history.js';
import { measureSize, type SizeResult } from './measure-size.js';
import { renderMarkdown, type Environment } from './report/markdown.js';
import { findPgTool, toolVersion } from './support/tools.js';

const SIZES: Record<string, number> = { S: 100, M: 1_000, L: 5_000 };
// The embedded server's settings. The benchmark compares clients on one server, and the same
// 5,000-table apply (ours or psql's) took 20 s in one run and 39 s in the next, so what can run
// in the background is off: disk flushes (fsync, synchronous_commit, full_page_writes, spaced-out
// checkpoints) and autovacuum, which would compete for the machine's 2 cores.
const SERVER_SETTINGS = [
  'max_locks_per_transaction=1024', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off',
  'max_wal_size=8GB', 'checkpoint_timeout=30min', 'autovacuum=off',
];
const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const sizes = (flagValue(args, '--sizes') ?? 'S,M,L').split(',').map((s) => s.trim().toUpperCase());
for (const s of sizes) if (!(s in SIZES)) throw new Error(`unknown size ${s} (expected S, M or L)`);
const runs = Number(flagValue(args, '--runs') ?? 5);
const heavyRuns = Number(flagValue(args, '--heavy-runs') ?? 3);
const out = path.resolve(root, flagValue(args, '--out') ?? 'BENCHMARKS.md');
const useMigra = !args.includes('--no-migra');
const workDir = path.join(os.tmpdir(), 'schema-sync-bench');
mkdirSync(workDir, { recursive: true });
const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

if (!existsSync(path.join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
const pgDump = findPgTool('pg_dump');
const psql = findPgTool('psql');
const peers = [
  `@pgkit/migra ${useMigra ? JSON.parse(readFileSync(path.join(root, 'node_modules/@pgkit/migra/package.json'), 'utf8')).version : '(skipped)'}`,
  pgDump ? toolVersion(pgDump) : 'pg_dump not on this machine',
  psql ? toolVersion(psql) : 'psql not on this machine',
];

const notesFile = path.join(root, 'bench', 'NOTES.md');
const readNotes = (): string => (existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : '');
const rerender = flagValue(args, '--render');
const adminGiven = flagValue(args, '--admin-url') ?? process.env.BENCH_DATABASE_URL;
const results: SizeResult[] = [];
const started = Date.now();
if (rerender) {
  const raw = JSON.parse(readFileSync(rerender, 'utf8')) as { env: Environment; results: SizeResult[] };
  writeFileSync(out, renderMarkdown(raw.results, raw.env, readNotes()));
  log(`re-rendered ${path.relative(root, out)} from ${rerender}`);
} else await withScratchServer(
  adminGiven,
  async (adminUrl, description) => {
    log(`server: ${description}`);
    const dbs = await BenchDatabases.connect(adminUrl);
    try {
      const server = await dbs.serverVersion();
      for (const size of sizes) {
        const history = generateHistory(SIZES[size]!);
        results.push(
          await measureSize(size, history, dbs, {
            runs, heavyRuns, workDir, migra: useMigra, log, ...(pgDump ? { pgDump } : {}), ...(psql ? { psql } : {}),
          }),
        );
        log(`${size}: done after ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
      const cpus = os.cpus();
      const env = {
        date: new Date().toISOString().slice(0, 10),
        machine: `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`,
        node: process.version,
        server: `${server} (${description.replace(/ on port.*/, '')}${adminGiven ? '' : `; ${SERVER_SETTINGS.join(', ')}`})`,
        peers,
        command: `npm run bench -- --sizes ${sizes.join(',')} --runs ${runs} --heavy-runs ${heavyRuns}`,
      };
      writeFileSync(out, renderMarkdown(results, env, readNotes()));
      const raw = path.join(root, 'bench', 'results.json');
      writeFileSync(raw, JSON.stringify({ env, results }, null, 2) + '\n');
      log(`wrote ${path.relative(root, out)} and ${path.relative(root, raw)} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } finally {
      await dbs.close();
    }
  },
  SERVER_SETTINGS,
);
