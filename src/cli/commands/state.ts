import type { Command } from 'commander';
import { exclusionRules } from '../config-file.js';
import { EXIT } from '../exit-codes.js';
import { migrationOptions } from '../common-options.js';
import type { CliRun } from '../cli-io.js';
import { runCommand } from '../run-command.js';
import { parseFormat } from '../options.js';

/** `schema-sync state`: the target schema the migrations describe, as canonical DDL or JSON. */
export function registerState(program: Command, cli: CliRun): void {
  migrationOptions(program.command('state').description('replay the migrations and print the target schema (canonical DDL or JSON)'))
    .option('-f, --format <format>', 'sql | json', 'sql')
    .option('--include-alembic-version', 'also model the alembic_version bookkeeping table')
    .action((o: { migrations: string; to?: string; format: string; includeAlembicVersion?: boolean; quiet?: boolean; exclude: string[]; config?: string }) =>
      runCommand(cli, async () => {
        const format = parseFormat(o.format, ['sql', 'json']);
        // Loaded here, not at start-up: --help and --version never instantiate the parser's WASM.
        const { replayInput } = await import('../replay-input.js');
        const { renderStateJson } = await import('../../report/state-json.js');
        const { renderStateSql } = await import('../../report/state-sql.js');
        const exclude = await exclusionRules(o, cli.io.cwd);
        const { excludeObjects } = await import('../../model/exclude.js');
        const result = await replayInput(o, cli.io);
        if (result.diagnostics.some((d) => d.severity === 'error')) return EXIT.error;
        cli.io.stdout.write(format === 'json' ? renderStateJson(excludeObjects(result.state, exclude), { withOrigin: true }) : renderStateSql(excludeObjects(result.state, exclude)));
        return EXIT.ok;
      }),
    );
}
