import type { Command } from 'commander';
import { openNamedDatabase } from '../database-option.js';
import { declarationMode, exclusionRules, ownersMode } from '../config-file.js';
import { EXIT, verdictExit } from '../exit-codes.js';
import { parseFormat } from '../options.js';
import { reportBases } from '../report-bases.js';
import type { CliRun } from '../cli-io.js';
import { runCommand } from '../run-command.js';
import { databaseOptions, declarationOptions, humanOutputOptions, migrationOptions, ownersOptions } from '../common-options.js';
import { chooseStyle } from '../style-option.js';
import { historyOptions, type HistoryCliOptions } from '../history-flags.js';

interface PlanCliOptions extends HistoryCliOptions {
  migrations: string;
  to?: string;
  database?: string;
  schema: string[];
  format: string;
  diff?: boolean;
  verbose?: boolean;
  color?: boolean;
  quiet?: boolean;
  exclude: string[];
  config?: string;
  allowDestructive?: boolean;
  concurrentIndexes?: boolean;
  declaration?: boolean;
  owners?: boolean;
  includeAlembicVersion?: boolean;
}

/** `schema-sync plan`: the dry run. Exit 0 in sync, 2 anything pending or left for a person (see verdictExit), 1 error. */
export function registerPlan(program: Command, cli: CliRun): void {
  let cmd = program.command('plan').description('show what apply would change, and why, without touching the database (exit 0 in sync, 2 changes pending, skipped, drift or unmanaged objects, 1 error)');
  cmd = migrationOptions(cmd);
  cmd = databaseOptions(cmd);
  cmd = humanOutputOptions(cmd);
  cmd = historyOptions(cmd);
  cmd = declarationOptions(cmd);
  cmd = ownersOptions(cmd, 'also plan ALTER ... OWNER TO for the objects whose owner the migrations set and the database differs');
  cmd
    .option('-f, --format <format>', 'text | sql | json (a saved plan for apply --plan; schema/plan.schema.json) | markdown', 'text')
    .option('--diff', 'print a unified diff of the canonical DDL (live vs target) instead')
    .option('--allow-destructive', 'plan drops and narrowing changes too')
    .option('--concurrent-indexes', 'build indexes on existing tables with CREATE INDEX CONCURRENTLY')
    .action((given: PlanCliOptions) =>
      runCommand(cli, async () => {
        const o = { ...given, declaration: await declarationMode(given, cli.io.cwd), owners: await ownersMode(given, cli.io.cwd) };
        const format = parseFormat(o.format, ['text', 'sql', 'json', 'markdown']);
        const { renderPlanJson } = await import('../../report/plan-json.js');
        const { renderPlanSql } = await import('../../report/plan-sql.js');
        const { renderPlanText } = await import('../../report/plan-text.js');
        const { renderSchemaDiff } = await import('../../report/schema-diff.js');
        const { computePlan, replayAndIntrospect } = await import('../compute-plan.js');
        const exclude = await exclusionRules(o, cli.io.cwd);
        await (await import('../../load/index.js')).checkMigrationsPath(o.migrations, cli.io.cwd);
        const db = await openNamedDatabase(o.database, cli.io);
        try {
          const read = await replayAndIntrospect(db, { ...o, quiet: !!o.quiet || format !== 'text' }, { schemas: o.schema, includeAlembicVersion: !!o.includeAlembicVersion, exclude, owners: o.owners }, cli.io);
          if (!read) return EXIT.error;
          const computed = computePlan(read.target, read.live, {
            allowDestructive: !!o.allowDestructive,
            concurrentIndexes: !!o.concurrentIndexes,
            history: await (await import('../history-options.js')).readPlanHistory(db, read.replayed, o),
          }, { declaration: o.declaration, schemas: o.schema, owners: o.owners });
          const { plan, summary } = computed;
          if (o.diff) {
            cli.io.stdout.write(renderSchemaDiff(computed.live, computed.target, { live: db.label, target: o.migrations }));
          } else if (format === 'json') {
            // A saved plan: apply --plan holds the database, the migrations and the options to it.
            const { fingerprint } = await import('../../plan/fingerprint.js');
            const { cwdRelative, planShape } = await import('../saved-plan-file.js');
            const saved = { targetFingerprint: fingerprint(computed.target), options: planShape(o, exclude, cli.io.cwd) };
            cli.io.stdout.write(renderPlanJson(plan, summary, saved, (file) => cwdRelative(file, cli.io.cwd)));
          }
          else if (format === 'markdown') {
            const { renderPlanMarkdown } = await import('../../report/plan-markdown.js');
            cli.io.stdout.write(renderPlanMarkdown(computed, { title: `schema-sync plan: ${o.migrations} → ${db.label}`, base: reportBases(o.migrations, cli.io.cwd) }));
          }
          else if (format === 'sql') cli.io.stdout.write(renderPlanSql(plan));
          else {
            cli.io.stdout.write(
              renderPlanText(plan, summary, {
                style: chooseStyle(o.color, cli.io.env, !!cli.io.stdout.isTTY), verbose: !!o.verbose, inPlace: computed.inPlace, target: o.migrations, database: db.label,
              }),
            );
          }
          const { verdictOf } = await import('../../plan/verdict.js');
          return verdictExit(verdictOf(plan));
        } finally {
          await db.close();
        }
      }),
    );
}
