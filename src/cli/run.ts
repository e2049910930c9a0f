import { Command, CommanderError } from 'commander';
import { registerApply } from './commands/apply.js';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerInspect } from './commands/inspect.js';
import { registerPlan } from './commands/plan.js';
import { registerState } from './commands/state.js';
import { redactConnectionString } from '../db/index.js';
import { everyCommandOptions } from './common-options.js';
import { EXIT } from './exit-codes.js';
import type { CliIo, CliRun } from './cli-io.js';
import { packageVersion } from './version.js';

/** Builds the `schema-sync` command line for one run; each command registers itself. */
export function buildProgram(cli: CliRun): Command {
  const { io } = cli;
  const program = new Command();
  program
    .name('schema-sync')
    .description('Replay Alembic migration SQL into a target schema, compare it with a live PostgreSQL database, apply only what is missing.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // Commander echoes a mistyped option with its value (`--databse=postgres://u:PASSWORD@h`).
      outputError: (s, write) => write(redactConnectionString(s)),
      // Commander's own rule (the terminal's width, else 80), on this run's streams.
      getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns) || 80,
      getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns) || 80,
      // No help styles are configured: nothing to colour, whatever the terminal.
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    // Throws instead of exiting: --help, --version and usage errors end the run, not the process.
    .exitOverride();
  registerState(program, cli);
  registerInspect(program, cli);
  registerCheck(program, cli);
  registerPlan(program, cli);
  registerApply(program, cli);
  registerDiff(program, cli);
  for (const cmd of program.commands) everyCommandOptions(cmd);
  return program;
}

/**
 * Runs the CLI on `argv` (the arguments after `schema-sync`) and resolves to its exit code. It
 * never exits the process and reads only `io` (never process.stdout, env or cwd), so a process can
 * run it many times (the tests do); src/cli/main.ts is the shell that gives it the real process.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const cli: CliRun = { io, exitCode: EXIT.ok };
  try {
    await buildProgram(cli).parseAsync([...argv], { from: 'user' });
  } catch (e) {
    // Help and version exit 0; usage errors (already printed, with the help hint) exit 1.
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.error;
    throw e;
  }
  return cli.exitCode;
}
