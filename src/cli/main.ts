#!/usr/bin/env node
import { Command } from 'commander';
import { registerApply } from './commands/apply.js';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerInspect } from './commands/inspect.js';
import { registerPlan } from './commands/plan.js';
import { registerState } from './commands/state.js';
import { redactConnectionString } from '../db/index.js';
import { onStopSignal } from './stop-signal.js';
import { everyCommandOptions } from './common-options.js';
import { packageVersion } from './version.js';

/** Builds the `schema-sync` command line; each command registers itself. */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('schema-sync')
    .description('Replay Alembic migration SQL into a target schema, compare it with a live PostgreSQL database, apply only what is missing.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError()
    // Commander echoes a mistyped option with its value (`--databse=postgres://u:PASSWORD@h`).
    .configureOutput({ outputError: (s, write) => write(redactConnectionString(s)) });
  program.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 1));
  registerState(program);
  registerInspect(program);
  registerCheck(program);
  registerPlan(program);
  registerApply(program);
  registerDiff(program);
  for (const cmd of program.commands) everyCommandOptions(cmd);
  return program;
}

onStopSignal();
await buildProgram().parseAsync(process.argv);
