import type { Command } from 'commander';
import { openNamedDatabase } from '../database-option.js';
import { exclusionRules, ownersMode } from '../config-file.js';
import { EXIT } from '../exit-codes.js';
import { parseFormat } from '../options.js';
import type { CliRun } from '../cli-io.js';
import { runCommand } from '../run-command.js';
import { databaseOptions, ownersOptions } from '../common-options.js';

/** `schema-sync inspect`: the live schema, rendered exactly like `state` so the two can be diffed. */
export function registerInspect(program: Command, cli: CliRun): void {
  let cmd = program.command('inspect').description('print the live database schema as canonical DDL or JSON (same renderer as `state`)');
  cmd = databaseOptions(cmd);
  cmd = ownersOptions(cmd, 'also read and print every object\'s owner');
  cmd
    .option('-f, --format <format>', 'sql | json', 'sql')
    .action((o: { database?: string; schema: string[]; format: string; includeAlembicVersion?: boolean; exclude: string[]; config?: string; owners?: boolean }) =>
      runCommand(cli, async () => {
        const format = parseFormat(o.format, ['sql', 'json']);
        const { introspect } = await import('../../introspect/index.js');
        const { renderStateJson } = await import('../../report/state-json.js');
        const { renderStateSql } = await import('../../report/state-sql.js');
        const exclude = await exclusionRules(o, cli.io.cwd);
        const { excludeObjects } = await import('../../model/exclude.js');
        const db = await openNamedDatabase(o.database, cli.io);
        try {
          const live = excludeObjects(await introspect(db, {
            ...(o.schema.length ? { schemas: o.schema } : {}),
            includeAlembicVersion: !!o.includeAlembicVersion,
            ...((await ownersMode(o, cli.io.cwd)) ? { owners: true } : {}),
          }), exclude);
          cli.io.stdout.write(format === 'json' ? renderStateJson(live, { withOrigin: false }) : renderStateSql(live));
          return EXIT.ok;
        } finally {
          await db.close();
        }
      }),
    );
}
