import type { Command } from 'commander';
import { renderStateJson } from '../../report/state-json.js';
import { renderStateSql } from '../../report/state-sql.js';
import { EXIT } from '../exit-codes.js';
import { replayInput } from '../replay-input.js';
import { migrationOptions } from '../common-options.js';
import { runCommand } from '../run-command.js';
import { parseFormat } from '../options.js';

/** `schema-sync state`: the target schema the migrations describe, as canonical DDL or JSON. */
export function registerState(program: Command): void {
  migrationOptions(program.command('state').description('replay the migrations and print the target schema (canonical DDL or JSON)'))
    .option('-f, --format <format>', 'sql | json', 'sql')
    .option('--include-alembic-version', 'also model the alembic_version bookkeeping table')
    .option('-q, --quiet', 'no summary line on stderr')
    .action((o: { migrations: string; to?: string; format: string; includeAlembicVersion?: boolean; quiet?: boolean }) =>
      runCommand(async () => {
        const format = parseFormat(o.format, ['sql', 'json']);
        const result = await replayInput(o);
        if (result.diagnostics.some((d) => d.severity === 'error')) return EXIT.error;
        process.stdout.write(format === 'json' ? renderStateJson(result.state, { withOrigin: true }) : renderStateSql(result.state));
        return EXIT.ok;
      }),
    );
}
