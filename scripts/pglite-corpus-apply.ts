// Acceptance: `apply --database pglite:<fresh dir>` on each corpus's revisions either succeeds
// (then `check` must report the database in sync) or fails naming the extension PGlite lacks.
//   npx tsx scripts/pglite-corpus-apply.ts <corpus-dir>...   (e.g. ../shared/corpora/alembic/{fastapi,polar,prefect})
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const corpora = process.argv.slice(2);
if (!corpora.length) {
  console.error('usage: npx tsx scripts/pglite-corpus-apply.ts <corpus-dir>...');
  process.exit(1);
}

function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

let failed = 0;
for (const corpus of corpora) {
  const name = path.basename(corpus);
  const dir = await mkdtemp(path.join(os.tmpdir(), `schema-sync-pglite-${name}-`));
  const revisions = path.join(path.resolve(corpus), 'revisions');
  const started = performance.now();
  const applied = await cli(['apply', '-q', '-m', revisions, '-d', `pglite:${dir}`]);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (applied.code === 0) {
    const check = await cli(['check', '-q', '-m', revisions, '-d', `pglite:${dir}`]);
    const ok = check.code === 0;
    if (!ok) failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: applied in ${seconds} s; check: ${check.stdout.trim().split('\n').at(-1)}`);
  } else {
    const missing = /PGlite has no extensions? (.*?); it ships/.exec(applied.stderr);
    if (!missing) failed++;
    console.log(`${missing ? 'ok  ' : 'FAIL'} ${name}: ${missing ? `refused, naming ${missing[1]}` : `apply failed (exit ${applied.code}):\n${applied.stderr.trim()}`}`);
  }
  await rm(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
