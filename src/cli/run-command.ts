import { QueryError } from '../db/index.js';
import { clipLines, formatPos, UserError } from '../errors.js';
import type { CliRun } from './cli-io.js';
import { EXIT } from './exit-codes.js';

/**
 * Runs a command body and records its outcome as the run's exit code: a UserError prints its
 * message (with file:line and any detail) and gives 1; anything else is an internal error, also 1,
 * with a stack trace only under SCHEMA_SYNC_DEBUG. The process is left running (see run.ts).
 */
export async function runCommand(cli: CliRun, body: () => Promise<number>): Promise<void> {
  const { stderr, env } = cli.io;
  try {
    cli.exitCode = await body();
  } catch (e) {
    cli.exitCode = EXIT.error;
    if (e instanceof UserError) {
      stderr.write(clipLines(`error: ${e.pos ? formatPos(e.pos) + ': ' : ''}${e.message}`) + '\n');
      if (e.detail) stderr.write(clipLines(e.detail).replace(/^/gm, '  ') + '\n');
    } else if (e instanceof QueryError) {
      // The server refused one of our own statements (permissions, timeouts, a lost object).
      stderr.write(`error: the database refused a query: ${e.message}${e.code === '55P03' ? ' (a lock held by another session; see --lock-timeout)' : ''}\n`);
    } else {
      const err = e as Error;
      stderr.write(`internal error: ${err?.message ?? String(e)}\n`);
      if (env['SCHEMA_SYNC_DEBUG']) stderr.write(`${err?.stack ?? ''}\n`);
      else stderr.write('(set SCHEMA_SYNC_DEBUG=1 for a stack trace; please report this)\n');
    }
  }
}
