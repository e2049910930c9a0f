import type { Command } from 'commander';
import type { ApplyResult } from '../../apply/index.js';
import type { SchemaState } from '../../model/schema-state.js';
import { openNamedDatabase } from '../database-option.js';
import { declarationMode, exclusionRules, ownersMode } from '../config-file.js';
import { applyExit, EXIT } from '../exit-codes.js';
import { parseFormat, parseSeconds } from '../options.js';
import type { CliRun } from '../cli-io.js';
import { runCommand } from '../run-command.js';
import { databaseOptions, declarationOptions, humanOutputOptions, migrationOptions, ownersOptions } from '../common-options.js';
import { chooseStyle } from '../style-option.js';
import { historyOptions, type HistoryCliOptions } from '../history-flags.js';
import type { PlanHistory } from '../../plan/history-context.js';

interface ApplyCliOptions extends HistoryCliOptions {
  migrations: string;
  to?: string;
  database?: string;
  schema: string[];
  format: string;
  plan?: string;
  allowDestructive?: boolean;
  strict?: boolean;
  concurrentIndexes?: boolean;
  declaration?: boolean;
  owners?: boolean;
  lockWait: string;
  lockTimeout: string;
  statementTimeout: string;
  verbose?: boolean;
  color?: boolean;
  quiet?: boolean;
  exclude: string[];
  yes?: boolean;
  config?: string;
  includeAlembicVersion?: boolean;
}

/** The replay reported errors (already printed): apply exits 1 having written nothing. */
class ReplayFailed extends Error {}

/** `schema-sync apply`: apply only what is missing, all or nothing, and prove it. */
export function registerApply(program: Command, cli: CliRun): void {
  let cmd = program.command('apply').description('apply the missing pieces in one transaction under an advisory lock, then verify (exit 0 done, 1 error, 3 left undone with --strict)');
  cmd = migrationOptions(cmd);
  cmd = databaseOptions(cmd, true);
  cmd = humanOutputOptions(cmd);
  cmd = historyOptions(cmd);
  cmd = declarationOptions(cmd);
  cmd = ownersOptions(cmd, 'also change the owners of the objects whose owner the migrations set (ALTER ... OWNER TO; the applying role must be a member of each new owner)');
  cmd
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--plan <file>', 'run exactly the statements of this saved plan (plan --format json), with its options; refuse (exit 1, nothing written) when the live schema, the migrations or the statements no longer match')
    .option('--allow-destructive', 'also apply drops and narrowing changes')
    .option('-y, --yes', 'do not ask before applying review or destructive changes (only ever asked on a terminal)')
    .option('--strict', 'exit 3 when the database still differs from the migrations afterwards: skipped changes, drift, unmanaged objects, or a data statement of the history that may change rows not run')
    .option('--concurrent-indexes', 'build indexes on existing tables with CREATE INDEX CONCURRENTLY, after the commit')
    .option('--lock-wait <seconds>', 'how long to wait for another apply to finish', '60')
    .option('--lock-timeout <seconds>', 'session lock_timeout: fail instead of queueing behind other transactions', '5')
    .option('--statement-timeout <seconds>', 'session statement_timeout (0 = none)', '0')
    .action((flags: ApplyCliOptions, command: Command) =>
      runCommand(cli, async () => {
        const given = { ...flags, declaration: await declarationMode(flags, cli.io.cwd), owners: await ownersMode(flags, cli.io.cwd) };
        const exclude = await exclusionRules(given, cli.io.cwd);
        // A saved plan brings its own options; the command line may repeat them, not change them.
        const { readSavedPlan, savedPlanOptions } = await import('../saved-plan-file.js');
        const saved = given.plan ? await readSavedPlan(given.plan, cli.io.cwd) : undefined;
        const o = saved ? savedPlanOptions(saved.options, given, command, exclude, given.plan!, cli.io.cwd) : given;
        const format = parseFormat(o.format, ['text', 'json']);
        const { apply } = await import('../../apply/index.js');
        const { inPlaceObjects } = await import('../../diff/in-place.js');
        const { renderApplySummary } = await import('../../report/apply-text.js');
        const { planToJson } = await import('../../report/plan-json.js');
        const { summarizePlan } = await import('../../report/plan-summary.js');
        const { renderPlanText } = await import('../../report/plan-text.js');
        const { replayInput } = await import('../replay-input.js');
        const { confirmPlan } = await import('../confirm.js');
        const { stepProgress } = await import('../progress.js');
        const style = chooseStyle(o.color, cli.io.env, !!cli.io.stdout.isTTY);
        const lockWaitMs = parseSeconds(o.lockWait, '--lock-wait');
        const lockTimeoutMs = parseSeconds(o.lockTimeout, '--lock-timeout');
        const statementTimeoutMs = parseSeconds(o.statementTimeout, '--statement-timeout');
        // The replay runs while apply takes the lock and reads the catalog (it yields between
        // revisions); apply writes nothing until the target is there, and nothing at all when
        // the replay reported errors (printed by replayInput).
        let target: SchemaState | undefined;
        type Replayed = { readonly state: SchemaState; readonly history: PlanHistory };
        const { planHistory } = await import('../history-options.js');
        const startReplay = (): Promise<Replayed> => {
          const p = replayInput({ ...o, quiet: !!o.quiet || format !== 'text' }, cli.io).then((r) => {
            if (r.diagnostics.some((d) => d.severity === 'error')) throw new ReplayFailed('the replay reported errors');
            target = r.state;
            return { state: r.state, history: planHistory(r, undefined, o) };
          });
          p.catch(() => undefined); // apply may fail (e.g. on the lock) before it awaits this
          return p;
        };
        let early: Promise<Replayed> | undefined;
        // PGlite loads extension bundles only at start-up: it waits for the target's extensions.
        await (await import('../../load/index.js')).checkMigrationsPath(o.migrations, cli.io.cwd);
        const db = await openNamedDatabase(o.database, cli.io, {
          pgliteExtensions: async () => [...((await (early = startReplay()).catch(() => undefined))?.state.extensions.values() ?? [])],
        });
        const started = performance.now();
        try {
          const replaying = early ?? startReplay();
          let applied: ApplyResult;
          let progress = stepProgress(cli.io.stderr);
          try {
            applied = await apply(db, replaying, {
              allowDestructive: !!o.allowDestructive,
              concurrentIndexes: !!o.concurrentIndexes,
              declaration: !!o.declaration,
              owners: !!o.owners,
              lockWaitMs, lockTimeoutMs, statementTimeoutMs,
              ...(saved ? { savedPlan: saved.check } : {}),
              schemas: o.schema,
              includeAlembicVersion: !!o.includeAlembicVersion,
              exclude,
              onPlan: (plan) => {
                if (format !== 'text') return;
                const inPlace = inPlaceObjects(target!, [...plan.changes, ...plan.skipped]);
                if (plan.changes.length || o.verbose) {
                  cli.io.stdout.write(renderPlanText(plan, summarizePlan(plan, inPlace.length), {
                    style, verbose: !!o.verbose, inPlace, target: o.migrations, database: db.label,
                  }) + '\n');
                }
              },
              confirm: async (plan) => {
                const ok = await confirmPlan(plan, db.label, !!o.yes, { input: cli.io.stdin, output: cli.io.stderr });
                progress = stepProgress(cli.io.stderr);
                return ok;
              },
              onStep: (step, total) => {
                if (format === 'text' && !o.quiet) progress.step(step, total);
              },
            });
          } catch (e) {
            progress.done();
            if (e instanceof ReplayFailed) return EXIT.error;
            throw e;
          }
          progress.done();
          const plan = applied.plan;
          const summary = summarizePlan(plan, inPlaceObjects(target!, [...plan.changes, ...plan.skipped]).length);
          const remaining = applied.remaining.steps.length;
          const dataNotRun = plan.data?.notRun.filter((n) => n.effect === 'rows').length ?? 0;
          if (format === 'json') {
            cli.io.stdout.write(JSON.stringify({
              version: 1, applied: planToJson(plan, summary), appliedSteps: applied.appliedSteps,
              verified: remaining === 0, remaining: planToJson(applied.remaining, summarizePlan(applied.remaining, 0)),
            }, null, 2) + '\n');
          } else {
            const stamped = plan.alembic?.stamp.length ? plan.alembic.heads.join(', ') : undefined;
            cli.io.stdout.write(renderApplySummary({
              applied: summary, steps: applied.appliedSteps, remaining, seconds: (performance.now() - started) / 1000, ...(stamped ? { stamped } : {}), dataNotRun,
            }, style));
          }
          if (remaining) return EXIT.error;
          const { verdictOf } = await import('../../plan/verdict.js');
          return applyExit(verdictOf(plan), !!o.strict);
        } finally {
          await db.close();
        }
      }),
    );
}
