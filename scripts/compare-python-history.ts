/**
 * Acceptance check for reading Alembic .py revisions: `state` from a versions folder of .py files
 * against `state` from the same history as Alembic rendered it to SQL (e.g. a corpus's
 * `revisions/` under ../shared/corpora/alembic/<name>). No database is needed.
 *
 *   npx tsx scripts/compare-python-history.ts <versions-dir> <sql-revisions-dir> [--config FILE] [--verbose]
 *
 * Settings for the .py folder (type map, naming convention, answers) come from `--config`, else
 * from schema-sync.json found as the CLI finds it (at or above the working directory). Prints
 * revisions interpreted and overridden, objects equal and different, whether the `state` outputs
 * are byte-identical, and how long reading and interpreting the .py files took (CPU time of all
 * of the process's threads, and wall time; the first run pays for loading and warming up the
 * parser, as a fresh CLI process does). Exit 0 when identical, 2 when not, 1 on error.
 */
import path from 'node:path';
import { compareStates, countObjects } from '../src/diff/index.js';
import { UserError, formatPos } from '../src/errors.js';
import { readAlembicConfig } from '../src/load/alembic-py/config.js';
import { resolveVersionsFolder } from '../src/load/alembic-py/alembic-ini.js';
import { findConfigFile } from '../src/load/config-lookup.js';
import { loadMigrations } from '../src/load/index.js';
import { renderStateSql } from '../src/report/state-sql.js';
import { replay } from '../src/replay/index.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const configAt = args.indexOf('--config');
  const configFile = configAt >= 0 ? args[configAt + 1] : undefined;
  const [versions, sqlDir] = args.filter((a, i) => !a.startsWith('--') && (configAt < 0 || i !== configAt + 1));
  if (!versions || !sqlDir || (configAt >= 0 && !configFile)) {
    process.stderr.write('usage: compare-python-history.ts <versions-dir> <sql-revisions-dir> [--config FILE] [--verbose]\n');
    return 1;
  }
  // Reading + interpreting alone, measured a few times (the first run includes loading the
  // parser's module and the JIT warm-up a fresh process pays).
  const folder = resolveVersionsFolder(versions);
  const config = readAlembicConfig(findConfigFile(configFile));
  const times: string[] = [];
  let stats;
  for (let i = 0; i < 5; i++) {
    const [t0, c0] = [performance.now(), process.cpuUsage()];
    const { loadPythonFolder } = await import('../src/load/alembic-py/load-python-folder.js');
    stats = loadPythonFolder(folder, config).stats;
    const c = process.cpuUsage(c0);
    times.push(`${((c.user + c.system) / 1000).toFixed(0)}/${(performance.now() - t0).toFixed(0)}`);
  }
  const fromPy = await loadMigrations(versions, configFile !== undefined ? { config: configFile } : {});
  const fromSql = await loadMigrations(sqlDir);
  const a = replay(fromPy);
  const b = replay(fromSql);
  const differences = compareStates(a.state, b.state);
  const objects = countObjects(a.state, b.state);
  const differing = new Set(differences.map((d) => `${d.object} ${d.name}`)).size;
  const identical = renderStateSql(a.state) === renderStateSql(b.state);
  const skipped = fromPy.revisions.reduce((n, r) => n + (r.skipped?.length ?? 0), 0);
  const name = path.basename(path.resolve(sqlDir, sqlDir.endsWith('revisions') || sqlDir.endsWith('revisions/') ? '..' : '.'));
  process.stdout.write(
    `${name}: ${fromPy.revisions.length} revisions (${stats!.interpreted} interpreted, ${stats!.overridden.length} overridden by .sql` +
      `${stats!.overridden.length ? `: ${stats!.overridden.join(', ')}` : ''}); ${skipped} data-side statements skipped; ` +
      `${objects} objects, ${objects - differing} equal, ${differing} different; state ${identical ? 'byte-identical' : 'DIFFERS'}; ` +
      `read+interpret ${times.join(', ')} ms CPU/wall (5 runs)\n`,
  );
  for (const d of [...a.diagnostics, ...b.diagnostics].slice(0, verbose ? Infinity : 10)) {
    process.stdout.write(`  ${d.severity}: ${d.pos.file}:${d.pos.line}: ${d.message}\n`);
  }
  for (const d of differences.slice(0, verbose ? Infinity : 20)) {
    process.stdout.write(`  ${d.kind} ${d.object} ${d.name}${d.origin ? ` (${d.origin.file}:${d.origin.line})` : ''}\n`);
    for (const x of d.attributes ?? []) process.stdout.write(`    ${x.attribute}: .py ${JSON.stringify(x.target)} vs .sql ${JSON.stringify(x.live)}\n`);
  }
  return identical && differences.length === 0 ? 0 : 2;
}

try {
  process.exitCode = await main();
} catch (e) {
  if (!(e instanceof UserError)) throw e;
  process.stderr.write(`error: ${e.pos ? formatPos(e.pos) + ': ' : ''}${e.message}\n`);
  process.exitCode = 1;
}
