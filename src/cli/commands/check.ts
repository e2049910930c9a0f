import type { Command } from 'commander';
import { openNamedDatabase } from '../database-option.js';
import { declarationMode, exclusionRules, ownersMode } from '../config-file.js';
import { EXIT, verdictExit } from '../exit-codes.js';
import { parseFormat } from '../options.js';
import { reportBases } from '../report-bases.js';
import type { CliRun } from '../cli-io.js';
import { runCommand } from '../run-command.js';
import { alembicStatus } from '../../plan/alembic-position.js';
import { databaseOptions, declarationOptions, migrationOptions, ownersOptions } from '../common-options.js';
import { historyOptions, type HistoryCliOptions } from '../history-flags.js';

interface CheckOptions extends HistoryCliOptions {
  migrations: string;
  to?: string;
  database?: string;
  schema: string[];
  format: string;
  includeAlembicVersion?: boolean;
  declaration?: boolean;
  quiet?: boolean;
  exclude: string[];
  config?: string;
  owners?: boolean;
}


/** `schema-sync check`: does the live database equal what the migrations describe? Exit 0 / 2 / 1. */
export function registerCheck(program: Command, cli: CliRun): void {
  let cmd = program.command('check').description('compare the migrations\' target schema with a live database, in both directions (exit 0 equal, 2 different, 1 error; same verdict as plan)');
  cmd = migrationOptions(cmd);
  cmd = databaseOptions(cmd);
  cmd = historyOptions(cmd);
  cmd = ownersOptions(cmd);
  cmd = declarationOptions(cmd);
  cmd
    .option('-f, --format <format>', 'text | json | markdown', 'text')
    .action((given: CheckOptions) =>
      runCommand(cli, async () => {
        const o = { ...given, owners: await ownersMode(given, cli.io.cwd) };
        const format = parseFormat(o.format, ['text', 'json', 'markdown']);
        const { compareStates, countObjects } = await import('../../diff/index.js');
        const { renderCheckJson, renderCheckText } = await import('../../report/check-report.js');
        const { computePlan, replayAndIntrospect } = await import('../compute-plan.js');
        const { verdictOf } = await import('../../plan/verdict.js');
        const exclude = await exclusionRules(o, cli.io.cwd);
        await (await import('../../load/index.js')).checkMigrationsPath(o.migrations, cli.io.cwd);
        const db = await openNamedDatabase(o.database, cli.io);
        try {
          const read = await replayAndIntrospect(db, { ...o, quiet: !!o.quiet || format !== 'text' }, { schemas: o.schema, includeAlembicVersion: !!o.includeAlembicVersion, exclude, owners: o.owners }, cli.io);
          if (!read) return EXIT.error;
          const { target, live } = read;
          const differences = compareStates(target, live, { owners: o.owners });
          const { readPlanHistory } = await import('../history-options.js');
          const history = await readPlanHistory(db, read.replayed, o);
          const alembic = alembicStatus(history);
          // The plan's verdict too, so check, plan and apply --strict agree on the same database.
          const verdict = verdictOf(computePlan(target, live, { history }, { declaration: await declarationMode(o, cli.io.cwd), schemas: o.schema, owners: o.owners }).plan);
          const report = { target: o.migrations, database: db.label, objectsCompared: countObjects(target, live), differences, verdict, ...(alembic ? { alembic } : {}) };
          if (format === 'markdown') {
            const { renderCheckMarkdown } = await import('../../report/check-markdown.js');
            cli.io.stdout.write(renderCheckMarkdown(report, { target, live }, { base: reportBases(o.migrations, cli.io.cwd) }));
          } else cli.io.stdout.write(format === 'json' ? renderCheckJson(report) : renderCheckText(report));
          return differences.length ? EXIT.differences : verdictExit(verdict);
        } finally {
          await db.close();
        }
      }),
    );
}

