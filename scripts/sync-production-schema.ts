/**
 * Brings the database named by DATABASE_URL up to the schema the Alembic migrations describe,
 * through the schema-sync library (no CLI in between). A dry run unless --apply is given.
 *
 *   npx tsx scripts/sync-production-schema.ts --dry-run     exit 0 nothing to do, 2 changes pending, 1 error
 *   npx tsx scripts/sync-production-schema.ts --apply       exit 0 applied and verified, 1 error (nothing applied)
 *
 * Options: --migrations DIR (default alembic-versions), --allow-destructive, --help.
 * DATABASE_URL is required: there is no fallback to an embedded database, and the password is
 * never printed.
 */
import { parseArgs } from 'node:util';
import {
  apply, COLOR, diff, formatPos, inPlaceObjects, introspect, loadMigrations, openDatabase, PLAIN, plan, QueryError,
  redactConnectionString, renderApplySummary, renderPlanText, replay, summarizePlan, UserError,
  type Database, type Diagnostic, type Plan, type SchemaState, type Style,
} from '../src/index.js';

/** Exit codes, the same as `schema-sync plan` / `schema-sync apply`. */
const EXIT = { ok: 0, error: 1, pending: 2 } as const;

/** The usage text printed by --help and after a bad option. */
const USAGE = `Usage: npx tsx scripts/sync-production-schema.ts [--dry-run | --apply] [--migrations DIR] [--allow-destructive]

Sync the database named by DATABASE_URL with the schema the Alembic migrations describe.

Options:
  --dry-run            print the plan, change nothing (default; exit 0 nothing to do, 2 changes pending)
  --apply              apply the plan in one transaction, then verify (exit 0 done, 1 error)
  --migrations DIR     folder of revision .sql files, or an Alembic offline script (default: alembic-versions)
  --allow-destructive  also plan/apply drops and narrowing changes
  -h, --help           show this help

Environment:
  DATABASE_URL         postgres://user:pass@host/db (required; pglite:<dir> for an embedded database)
`;

/** A bad command line: reported with the usage text. */
class UsageError extends UserError {}

/** Parsed command line. */
interface SyncOptions {
  readonly mode: 'dry-run' | 'apply';
  readonly migrations: string;
  readonly allowDestructive: boolean;
}

/** Parses argv; returns 'help' for --help, throws UserError on bad usage. */
function parseOptions(argv: readonly string[]): SyncOptions | 'help' {
  const parse = () => parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      'dry-run': { type: 'boolean' },
      apply: { type: 'boolean' },
      migrations: { type: 'string' },
      'allow-destructive': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse());
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return 'help';
  if (values['dry-run'] && values.apply) throw new UsageError('--dry-run and --apply are mutually exclusive');
  if (values.migrations !== undefined && values.migrations.trim() === '') throw new UsageError('--migrations needs a path');
  return {
    mode: values.apply ? 'apply' : 'dry-run',
    migrations: values.migrations ?? 'alembic-versions',
    allowDestructive: !!values['allow-destructive'],
  };
}

/** Writes one line to stderr with any connection-string password masked. */
function note(line: string): void {
  process.stderr.write(redactConnectionString(line) + '\n');
}

/** `file:line:col: severity: message`, the format the CLI uses. */
function formatDiagnostic(d: Diagnostic): string {
  return `${d.pos.file}:${d.pos.line}:${d.pos.column}: ${d.severity}: ${d.message}${d.statement ? ` [${d.statement}]` : ''}`;
}

/** Loads and replays the migrations; undefined (after printing the errors) when replay found any. */
async function targetState(migrations: string): Promise<SchemaState | undefined> {
  const result = replay(await loadMigrations(migrations));
  for (const d of result.diagnostics) note(formatDiagnostic(d));
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  note(`migrations: ${migrations} (${result.stats.revisions} revisions, ${result.stats.statements} statements${errors ? `, ${errors} errors` : ''})`);
  return errors ? undefined : result.state;
}

/** The human plan, headed by where the target came from and which database it is. */
function planText(p: Plan, target: SchemaState, migrations: string, db: Database, style: Style): string {
  const inPlace = inPlaceObjects(target, [...p.changes, ...p.skipped]);
  return renderPlanText(p, summarizePlan(p, inPlace.length), { style, inPlace, target: migrations, database: db.label });
}

/** The dry run: print the plan; exit 0 when nothing is pending, 2 otherwise. */
async function dryRun(db: Database, target: SchemaState, o: SyncOptions, style: Style): Promise<number> {
  const live = await introspect(db);
  const p = plan(diff(target, live), live, { allowDestructive: o.allowDestructive });
  process.stdout.write(planText(p, target, o.migrations, db, style));
  if (p.steps.length) note('dry run: nothing was changed; run with --apply to apply these changes');
  return p.steps.length ? EXIT.pending : EXIT.ok;
}

/** The apply: print the plan being applied, progress, and the verified summary. */
async function applyPlan(db: Database, target: SchemaState, o: SyncOptions, style: Style): Promise<number> {
  const started = performance.now();
  const result = await apply(db, target, {
    allowDestructive: o.allowDestructive,
    onPlan: (p) => {
      if (p.changes.length) process.stdout.write(planText(p, target, o.migrations, db, style) + '\n');
    },
    onStep: (step, total) => note(`applying step ${step.id}/${total}: ${step.description}`),
  });
  const p = result.plan;
  const summary = summarizePlan(p, inPlaceObjects(target, [...p.changes, ...p.skipped]).length);
  const remaining = result.remaining.steps.length;
  process.stdout.write(renderApplySummary({
    applied: summary, steps: result.appliedSteps, remaining, seconds: (performance.now() - started) / 1000,
  }, style));
  return remaining ? EXIT.error : EXIT.ok;
}

/** Runs the script and returns its exit code; every failure is reported here, password-free. */
async function main(argv: readonly string[]): Promise<number> {
  try {
    const o = parseOptions(argv);
    if (o === 'help') {
      process.stdout.write(USAGE);
      return EXIT.ok;
    }
    const url = process.env['DATABASE_URL']?.trim();
    if (!url) {
      process.stderr.write(
        'error: DATABASE_URL is not set: set it to the database to sync, e.g. DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/DBNAME\n' +
          '(this script never falls back to an embedded database)\n',
      );
      return EXIT.error;
    }
    const style = process.stdout.isTTY && !process.env['NO_COLOR'] ? COLOR : PLAIN;
    const target = await targetState(o.migrations);
    if (!target) return EXIT.error;
    note(`database: ${redactConnectionString(url)}`);
    const db = await openDatabase(url);
    try {
      return o.mode === 'apply' ? await applyPlan(db, target, o, style) : await dryRun(db, target, o, style);
    } finally {
      await db.close();
    }
  } catch (e) {
    if (e instanceof UserError) {
      note(`error: ${e.pos ? formatPos(e.pos) + ': ' : ''}${e.message}`);
      if (e.detail) note(e.detail.replace(/^/gm, '  '));
      if (e instanceof UsageError) process.stderr.write(`\n${USAGE}`);
    } else if (e instanceof QueryError) {
      note(`error: the database refused a query: ${e.message}${e.code === '55P03' ? ' (a lock held by another session)' : ''}`);
    } else {
      note(`internal error: ${e instanceof Error ? e.message : String(e)}`);
      if (process.env['SCHEMA_SYNC_DEBUG'] && e instanceof Error && e.stack) note(e.stack);
    }
    return EXIT.error;
  }
}

const code = await main(process.argv.slice(2));
// Let stdout drain before exiting so piped output is never cut.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(code);
