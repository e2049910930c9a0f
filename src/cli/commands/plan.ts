import type { Command } from 'commander';
import { renderPlanJson } from '../../report/plan-json.js';
import { renderPlanSql } from '../../report/plan-sql.js';
import { renderPlanText } from '../../report/plan-text.js';
import { renderSchemaDiff } from '../../report/schema-diff.js';
import { computePlan, replayAndIntrospect } from '../compute-plan.js';
import { openNamedDatabase } from '../database-option.js';
import { EXIT } from '../exit-codes.js';
import { parseFormat } from '../options.js';
import { runCommand } from '../run-command.js';
import { databaseOptions, humanOutputOptions, migrationOptions } from '../common-options.js';
import { chooseStyle } from '../style-option.js';
import { historyOptions, readPlanHistory, type HistoryCliOptions } from '../history-options.js';

interface PlanCliOptions extends HistoryCliOptions {
  migrations: string;
  to?: string;
  database?: string;
  schema: string[];
  format: string;
  diff?: boolean;
  verbose?: boolean;
  color?: boolean;
  allowDestructive?: boolean;
  concurrentIndexes?: boolean;
  includeAlembicVersion?: boolean;
}

/** `schema-sync plan`: the dry run. Exit 0 nothing to do, 2 changes pending, 1 error. */
export function registerPlan(program: Command): void {
  let cmd = program.command('plan').description('show what apply would change, and why, without touching the database (exit 0 nothing to do, 2 changes pending)');
  cmd = migrationOptions(cmd);
  cmd = databaseOptions(cmd);
  cmd = humanOutputOptions(cmd);
  cmd = historyOptions(cmd);
  cmd
    .option('-f, --format <format>', 'text | sql | json', 'text')
    .option('--diff', 'print a unified diff of the canonical DDL (live vs target) instead')
    .option('--allow-destructive', 'plan drops and narrowing changes too')
    .option('--concurrent-indexes', 'build indexes on existing tables with CREATE INDEX CONCURRENTLY')
    .action((o: PlanCliOptions) =>
      runCommand(async () => {
        const format = parseFormat(o.format, ['text', 'sql', 'json']);
        const db = await openNamedDatabase(o.database);
        try {
          const read = await replayAndIntrospect(db, { ...o, quiet: format !== 'text' }, { schemas: o.schema, includeAlembicVersion: !!o.includeAlembicVersion });
          if (!read) return EXIT.error;
          const computed = computePlan(read.target, read.live, {
            allowDestructive: !!o.allowDestructive,
            concurrentIndexes: !!o.concurrentIndexes,
            history: await readPlanHistory(db, read.replayed, o),
          });
          const { plan, summary } = computed;
          if (o.diff) {
            process.stdout.write(renderSchemaDiff(computed.live, computed.target, { live: db.label, target: o.migrations }));
          } else if (format === 'json') process.stdout.write(renderPlanJson(plan, summary));
          else if (format === 'sql') process.stdout.write(renderPlanSql(plan));
          else {
            process.stdout.write(
              renderPlanText(plan, summary, {
                style: chooseStyle(o.color), verbose: !!o.verbose, inPlace: computed.inPlace, target: o.migrations, database: db.label,
              }),
            );
          }
          return plan.steps.length || plan.alembic?.stamp.length ? EXIT.differences : EXIT.ok;
        } finally {
          await db.close();
        }
      }),
    );
}
