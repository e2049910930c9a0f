import type { Command } from 'commander';
import type { SchemaState } from '../../model/schema-state.js';
import { openNamedDatabase } from '../database-option.js';
import { exclusionRules } from '../config-file.js';
import { EXIT } from '../exit-codes.js';
import { parseFormat } from '../options.js';
import { reportBases } from '../report-bases.js';
import { runCommand } from '../run-command.js';
import { alembicStatus } from '../../plan/alembic-position.js';
import { databaseOptions, migrationOptions } from '../common-options.js';

interface CheckOptions {
  migrations: string;
  to?: string;
  database?: string;
  schema: string[];
  format: string;
  includeAlembicVersion?: boolean;
  quiet?: boolean;
  exclude: string[];
  config?: string;
}


/** `schema-sync check`: does the live database equal what the migrations describe? Exit 0 / 2 / 1. */
export function registerCheck(program: Command): void {
  let cmd = program.command('check').description('compare the migrations\' target schema with a live database, in both directions (exit 0 equal, 2 different, 1 error)');
  cmd = migrationOptions(cmd);
  cmd = databaseOptions(cmd);
  cmd
    .option('-f, --format <format>', 'text | json | markdown', 'text')
    .action((o: CheckOptions) =>
      runCommand(async () => {
        const format = parseFormat(o.format, ['text', 'json', 'markdown']);
        const { compareStates, countObjects } = await import('../../diff/index.js');
        const { renderCheckJson, renderCheckText } = await import('../../report/check-report.js');
        const { replayAndIntrospect } = await import('../compute-plan.js');
        const exclude = await exclusionRules(o);
        const db = await openNamedDatabase(o.database);
        try {
          const read = await replayAndIntrospect(db, { ...o, quiet: !!o.quiet || format !== 'text' }, { schemas: o.schema, includeAlembicVersion: !!o.includeAlembicVersion, exclude });
          if (!read) return EXIT.error;
          const { live } = read;
          const target = o.schema.length ? restrictToSchemas(read.target, o.schema) : read.target;
          const differences = compareStates(target, live);
          const { readPlanHistory } = await import('../history-options.js');
          const alembic = alembicStatus(await readPlanHistory(db, read.replayed, {}));
          const report = { target: o.migrations, database: db.label, objectsCompared: countObjects(target, live), differences, ...(alembic ? { alembic } : {}) };
          if (format === 'markdown') {
            const { renderCheckMarkdown } = await import('../../report/check-markdown.js');
            process.stdout.write(renderCheckMarkdown(report, { target, live }, { base: reportBases(o.migrations) }));
          } else process.stdout.write(format === 'json' ? renderCheckJson(report) : renderCheckText(report));
          return differences.length ? EXIT.differences : EXIT.ok;
        } finally {
          await db.close();
        }
      }),
    );
}


/** The part of a state inside the given schemas (what `--schema` compares). */
function restrictToSchemas(s: SchemaState, schemas: readonly string[]): SchemaState {
  const keep = <T extends { schema: string }>(m: ReadonlyMap<string, T>): Map<string, T> =>
    new Map([...m].filter(([, v]) => schemas.includes(v.schema)));
  return {
    ...s,
    schemas: new Map([...s.schemas].filter(([k]) => schemas.includes(k))),
    enums: keep(s.enums), sequences: keep(s.sequences), tables: keep(s.tables), indexes: keep(s.indexes),
    views: keep(s.views), functions: keep(s.functions), triggers: keep(s.triggers),
  };
}
