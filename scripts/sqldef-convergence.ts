/**
 * Convergence on sqldef's PostgreSQL cases (../shared/corpora/diff/sqldef/tests_*.yml). For each
 * case: load `current` into a fresh database, derive the target from `desired` (a one-revision
 * history), apply, then require that `pg_dump --schema-only` of the database equals pg_dump of a
 * fresh database built from `desired` (up to column order) and that a second plan is empty.
 * `desired` is a complete declaration: sqldef drops whatever `current` has beyond it unless the
 * case says `enable_drop: false` (sqldef's default is true), so those cases run with
 * `declaration` and `allowDestructive`; with drops disabled the database may keep more than
 * `desired` has (live-only objects are left alone, as for an Alembic history). The judge is
 * PostgreSQL's own pg_dump (test/support/pg-dump), not schema-sync's model.
 *
 *   npx tsx scripts/sqldef-convergence.ts [dir] [--admin-url URL] [--only NAME] [--verbose]
 *
 * Roles are cluster-level and schema-sync never creates them: the roles a case's policies name
 * (`TO app_user`) are created on the scratch server before the case (NOLOGIN, left in place; on a
 * server given with --admin-url they stay). Cases whose SQL PostgreSQL 15 rejects, that need
 * another server version, sqldef roles options or sqldef config, or sqldef's `@renamed` hint on an
 * enum label, are "not applicable"; cases whose desired schema uses statements we do not model are
 * reported as "not modelled" (with the statement kinds), never hidden.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { apply } from '../src/apply/index.js';
import { pgDumpSchema } from '../test/support/pg-dump/pg-dump.js';
import { dumpDifference, dumpShortfall } from '../test/support/pg-dump/schema-oracle.js';
import { replay } from '../src/replay/index.js';
import { adminExec, flagValue, positionals, withScratchDatabase, withScratchServer } from './support/scratch-database.js';

interface Case {
  current?: string;
  desired?: string;
  enable_drop?: boolean;
  min_version?: string | number;
  max_version?: string | number;
  flavor?: string;
  user?: string;
  managed_roles?: unknown;
  manage?: unknown;
  config?: unknown;
  error?: string;
  offline?: boolean;
}

type Outcome = { status: 'passed' } | { status: 'failed' | 'not applicable' | 'not modelled'; why: string };

const SERVER_MAJOR = 15;

function applicable(c: Case): string | undefined {
  const v = (x: string | number | undefined): number => Number(String(x ?? '0').split('.')[0]);
  if (c.min_version !== undefined && v(c.min_version) > SERVER_MAJOR) return `needs PostgreSQL ${c.min_version}`;
  if (c.max_version !== undefined && v(c.max_version) < SERVER_MAJOR) return `needs PostgreSQL <= ${c.max_version}`;
  if (c.flavor) return `sqldef flavor ${c.flavor}`;
  if (c.user || c.managed_roles || c.manage || c.config) return 'sqldef role/config options';
  if (c.error) return 'expects sqldef to refuse';
  // A label followed by `/* @renamed from=old */` or `-- @renamed from=old`: sqldef's own rename
  // hint. PostgreSQL keeps no trace of it, and a migration history says it with ALTER TYPE ..
  // RENAME VALUE (replayed and planned as a rename); without it the old label cannot be dropped.
  if (/'(?:[^']|'')*'\s*,?\s*(?:\/\*\s*@renamed|--\s*@renamed)/.test(c.desired ?? '')) return 'sqldef @renamed annotation on an enum label (a history writes ALTER TYPE .. RENAME VALUE)';
  return undefined;
}

/** The roles the policies of some SQL name (replayed, so as PostgreSQL would read them). */
function policyRoles(name: string, sql: string | undefined): string[] {
  if (!sql) return [];
  try {
    const state = replay([{ id: 'r', parents: [], file: `${name}.sql`, sql, startLine: 1 }]).state;
    return [...state.policies.values()].flatMap((p) => p.roles);
  } catch {
    return [];
  }
}

/** Creates the roles a case's policies name that the server lacks (see the header). */
async function createPolicyRoles(adminUrl: string, name: string, c: Case): Promise<void> {
  for (const role of new Set([...policyRoles(name, c.current), ...policyRoles(name, c.desired)])) {
    const literal = `'${role.replace(/'/g, "''")}'`;
    const ident = `"${role.replace(/"/g, '""')}"`;
    await adminExec(adminUrl, `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal}) THEN CREATE ROLE ${ident} NOLOGIN; END IF; END $$`);
  }
}

async function runCase(adminUrl: string, name: string, c: Case): Promise<Outcome> {
  const na = applicable(c);
  if (na) return { status: 'not applicable', why: na };
  await createPolicyRoles(adminUrl, name, c);
  const desired = c.desired ?? '';
  // Expected state: what PostgreSQL builds from `desired` directly (if it accepts it at all).
  let expected: string;
  try {
    expected = await withScratchDatabase(adminUrl, `sqldef_b_${process.pid}`, async (db, url) => {
      await db.exec(desired);
      return pgDumpSchema(url);
    });
  } catch (e) {
    return { status: 'not applicable', why: `PostgreSQL ${SERVER_MAJOR} rejects desired: ${(e as Error).message}` };
  }
  const result = (() => {
    try {
      return replay([{ id: 'desired', parents: [], file: `${name}/desired.sql`, sql: desired, startLine: 1 }]);
    } catch (e) {
      return e as Error;
    }
  })();
  if (result instanceof Error) return { status: 'not applicable', why: `desired does not parse: ${result.message}` };
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return { status: 'failed', why: `replay error: ${errors[0]!.message}` };
  if (warnings.length) {
    const kinds = [...new Set(warnings.map((w) => w.message.replace(/^not modelled: /, '').replace(/ statement.*$/, '')))];
    return { status: 'not modelled', why: kinds.join('; ') };
  }
  // sqldef's enable_drop defaults to true: `desired` then declares the whole schema.
  const drops = c.enable_drop !== false;
  return withScratchDatabase(adminUrl, `sqldef_a_${process.pid}`, async (db, url): Promise<Outcome> => {
    try {
      if (c.current) await db.exec(c.current);
    } catch (e) {
      return { status: 'not applicable', why: `PostgreSQL ${SERVER_MAJOR} rejects current: ${(e as Error).message}` };
    }
    let applied;
    try {
      applied = await apply(db, result.state, { allowDestructive: drops, declaration: drops, lockWaitMs: 5000 });
    } catch (e) {
      return { status: 'failed', why: `apply failed: ${(e as Error).message.split('\n')[0]}` };
    }
    const actual = await pgDumpSchema(url);
    const difference = drops ? dumpDifference(expected, actual, ['desired', 'converged']) : dumpShortfall(expected, actual);
    if (difference) {
      const lines = difference.split('\n').filter((l) => drops ? /^[-+][^-+]/.test(l) : l.trim());
      return { status: 'failed', why: `pg_dump differs after apply: ${lines.slice(0, 4).join(' | ')}` };
    }
    if (applied.remaining.steps.length) return { status: 'failed', why: `second plan not empty: ${applied.remaining.steps[0]!.description}` };
    return { status: 'passed' };
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const only = flagValue(args, '--only');
  const dir = positionals(args, ['--admin-url', '--only'])[0] ?? '../shared/corpora/diff/sqldef';
  const totals = { passed: 0, failed: 0, 'not applicable': 0, 'not modelled': 0 };
  await withScratchServer(flagValue(args, '--admin-url'), async (adminUrl) => {
    for (const file of readdirSync(dir).filter((f) => /^tests_.*\.yml$/.test(f)).sort()) {
      const cases = parseYaml(readFileSync(path.join(dir, file), 'utf8')) as Record<string, Case>;
      const counts = { passed: 0, failed: 0, 'not applicable': 0, 'not modelled': 0 };
      for (const [name, c] of Object.entries(cases ?? {})) {
        if (only && name !== only) continue;
        const outcome = await runCase(adminUrl, name, c ?? {});
        counts[outcome.status]++;
        if (outcome.status !== 'passed' && (verbose || outcome.status === 'failed')) {
          process.stdout.write(`  ${outcome.status}: ${file} ${name}: ${outcome.why}\n`);
        }
      }
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += counts[k];
      if (only && !Object.values(counts).some(Boolean)) continue;
      process.stdout.write(
        `${file}: ${counts.passed} passed, ${counts.failed} failed, ${counts['not modelled']} not modelled, ${counts['not applicable']} not applicable\n`,
      );
    }
  });
  process.stdout.write(
    `total: ${totals.passed} passed, ${totals.failed} failed, ${totals['not modelled']} not modelled, ${totals['not applicable']} not applicable\n`,
  );
  const applicable = totals.passed + totals.failed + totals['not modelled'];
  process.stdout.write(`converged (judged by pg_dump): ${totals.passed}/${applicable} applicable cases = ${((100 * totals.passed) / Math.max(1, applicable)).toFixed(1)}%\n`);
  return totals.failed ? 2 : 0;
}

process.exitCode = await main();
