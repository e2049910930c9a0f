import type { Command } from 'commander';
import { introspect } from '../../introspect/index.js';
import { renderStateJson } from '../../report/state-json.js';
import { renderStateSql } from '../../report/state-sql.js';
import { openNamedDatabase } from '../database-option.js';
import { EXIT } from '../exit-codes.js';
import { parseFormat } from '../options.js';
import { runCommand } from '../run-command.js';

/** `schema-sync inspect`: the live schema, rendered exactly like `state` so the two can be diffed. */
export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('print the live database schema as canonical DDL or JSON (same renderer as `state`)')
    .option('-d, --database <url>', 'postgres://... or pglite:<dir> (default: DATABASE_URL)')
    .option('-s, --schema <name>', 'only this schema (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('-f, --format <format>', 'sql | json', 'sql')
    .option('--include-alembic-version', 'also show the alembic_version bookkeeping table')
    .action((o: { database?: string; schema: string[]; format: string; includeAlembicVersion?: boolean }) =>
      runCommand(async () => {
        const format = parseFormat(o.format, ['sql', 'json']);
        const db = await openNamedDatabase(o.database);
        try {
          const live = await introspect(db, {
            ...(o.schema.length ? { schemas: o.schema } : {}),
            includeAlembicVersion: !!o.includeAlembicVersion,
          });
          process.stdout.write(format === 'json' ? renderStateJson(live, { withOrigin: false }) : renderStateSql(live));
          return EXIT.ok;
        } finally {
          await db.close();
        }
      }),
    );
}
