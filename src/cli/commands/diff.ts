import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import type { SchemaState } from '../../model/schema-state.js';
import { DEFAULT_MIGRATIONS } from '../common-options.js';
import { exclusionRules } from '../config-file.js';
import { EXIT } from '../exit-codes.js';
import type { HistorySource } from '../history-source.js';
import { parseFormat } from '../options.js';
import type { CliRun } from '../cli-io.js';
import { runCommand } from '../run-command.js';
import { chooseStyle } from '../style-option.js';

interface DiffCliOptions {
  from: string;
  to?: string;
  migrations: string;
  format: string;
  verbose?: boolean;
  color?: boolean;
  quiet?: boolean;
  concurrentIndexes?: boolean;
  includeAlembicVersion?: boolean;
  exclude: string[];
  config?: string;
}

/**
 * `schema-sync diff --from A --to B`: what moving a database from A's target schema to B's would
 * change, with no database: both sides are replayed and planned against each other exactly as
 * `plan` plans against a live catalog (destructive changes included, so a reviewer sees them).
 */
export function registerDiff(program: Command, cli: CliRun): void {
  program
    .command('diff')
    .description('compare the target schemas of two migration folders, files or git revisions, with no database (exit 0 same, 2 changes)')
    .requiredOption('--from <source>', 'the old side: a folder or file, a git revision (the --migrations folder at it) or REV:PATH')
    .option('--to <source>', 'the new side, same forms (default: the --migrations folder as it is on disk)')
    .option('-m, --migrations <path>', 'the migrations folder git revisions refer to', DEFAULT_MIGRATIONS)
    .option('-f, --format <format>', 'text | markdown | sql | json', 'text')
    .option('-v, --verbose', 'list the objects that are the same on both sides')
    .option('--concurrent-indexes', 'plan indexes on existing tables with CREATE INDEX CONCURRENTLY')
    .option('--include-alembic-version', 'also model the alembic_version bookkeeping table')
    .action((o: DiffCliOptions) =>
      runCommand(cli, async () => {
        const format = parseFormat(o.format, ['text', 'markdown', 'sql', 'json']);
        const exclude = await exclusionRules(o, cli.io.cwd);
        const { excludeObjects } = await import('../../model/exclude.js');
        const { resolveHistorySource } = await import('../history-source.js');
        const { replayInput } = await import('../replay-input.js');
        const { computePlan } = await import('../compute-plan.js');
        const sides: HistorySource[] = [];
        try {
          const replaySide = async (spec: string, flag: string): Promise<{ state: SchemaState; label: string } | undefined> => {
            const source = await resolveHistorySource(spec, o.migrations, flag, cli.io.cwd);
            sides.push(source);
            try {
              const r = await replayInput({
                migrations: source.path, label: source.label, quiet: !!o.quiet || format !== 'text',
                includeAlembicVersion: !!o.includeAlembicVersion, ...(o.config !== undefined ? { config: o.config } : {}),
                ...(source.relabel ? { relabel: source.relabel } : {}),
              }, cli.io);
              return r.diagnostics.some((d) => d.severity === 'error') ? undefined : { state: excludeObjects(r.state, exclude), label: source.label };
            } catch (e) {
              if (e instanceof UserError && e.pos && source.relabel) {
                throw new UserError(e.message, { ...e.pos, file: source.relabel(e.pos.file) }, e.detail);
              }
              throw e;
            }
          };
          const from = await replaySide(o.from, '--from');
          const to = await replaySide(o.to ?? o.migrations, '--to');
          if (!from || !to) return EXIT.error;
          const computed = computePlan(to.state, from.state, { allowDestructive: true, concurrentIndexes: !!o.concurrentIndexes });
          const { plan, summary } = computed;
          if (format === 'json') {
            const { renderPlanJson } = await import('../../report/plan-json.js');
            cli.io.stdout.write(renderPlanJson(plan, summary));
          } else if (format === 'sql') {
            const { renderPlanSql } = await import('../../report/plan-sql.js');
            cli.io.stdout.write(renderPlanSql(plan));
          } else if (format === 'markdown') {
            const { renderPlanMarkdown } = await import('../../report/plan-markdown.js');
            cli.io.stdout.write(renderPlanMarkdown(computed, { title: `Schema diff: ${from.label} → ${to.label}`, base: cli.io.cwd }));
          } else {
            const { renderPlanText } = await import('../../report/plan-text.js');
            cli.io.stdout.write(renderPlanText(plan, summary, {
              style: chooseStyle(o.color, cli.io.env, !!cli.io.stdout.isTTY), verbose: !!o.verbose, inPlace: computed.inPlace, title: `Diff: ${from.label} -> ${to.label}`,
              nothingToDo: `No schema changes: ${from.label} and ${to.label} describe the same schema.`,
            }));
          }
          return plan.steps.length || plan.changes.length ? EXIT.differences : EXIT.ok;
        } finally {
          for (const s of sides) await s.dispose();
        }
      }),
    );
}
