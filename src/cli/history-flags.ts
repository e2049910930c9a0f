import type { Command } from 'commander';

// Kept apart from history-options.ts, which loads the catalog reader and the parser: commands
// register these flags at start-up, when `--help` must not load the parser's WASM.

/** `--no-stamp` and `--no-seed`, shared by plan and apply so a plan shows what apply does. */
export function historyOptions(cmd: Command): Command {
  return cmd
    .option('--no-stamp', 'do not record the applied revision in alembic_version (default: record it when the history has revision ids)')
    .option('--no-seed', "do not run the history's INSERTs into tables the plan creates (default: run them right after the table is created)");
}

/** The flags as parsed by commander (negatable options default to true). */
export interface HistoryCliOptions {
  readonly stamp?: boolean;
  readonly seed?: boolean;
}

