import { QueryError } from '../db/index.js';
import { clipLines, formatPos, UserError } from '../errors.js';
import { EXIT } from './exit-codes.js';

/**
 * Runs a command body and turns its outcome into an exit code: a UserError prints its message
 * (with file:line and any detail) and exits 1; anything else is an internal error, also exit 1,
 * with a stack trace only under SCHEMA_SYNC_DEBUG.
 */
export async function runCommand(body: () => Promise<number>): Promise<never> {
  let code: number;
  try {
    code = await body();
  } catch (e) {
    code = EXIT.error;
    if (e instanceof UserError) {
      process.stderr.write(clipLines(`error: ${e.pos ? formatPos(e.pos) + ': ' : ''}${e.message}`) + '\n');
      if (e.detail) process.stderr.write(clipLines(e.detail).replace(/^/gm, '  ') + '\n');
    } else if (e instanceof QueryError) {
      // The server refused one of our own statements (permissions, timeouts, a lost object).
      process.stderr.write(`error: the database refused a query: ${e.message}${e.code === '55P03' ? ' (a lock held by another session; see --lock-timeout)' : ''}\n`);
    } else {
      const err = e as Error;
      process.stderr.write(`internal error: ${err?.message ?? String(e)}\n`);
      if (process.env.SCHEMA_SYNC_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
      else process.stderr.write('(set SCHEMA_SYNC_DEBUG=1 for a stack trace; please report this)\n');
    }
  }
  // Let stdout drain before exiting so piped output is never cut.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}
