/** The PostgreSQL client programs as peers: `pg_dump --schema-only` and `psql -1 -f`. */
import { expectExit, run, type Measured } from '../support/measure.js';

/** `pg_dump --schema-only` of the database, output discarded: what a dump-based tool pays to read a schema. */
export async function pgDumpSchema(pgDump: string, url: string): Promise<Measured> {
  return expectExit(await run(pgDump, ['--schema-only', '--no-owner', '--file', '/dev/null', '--dbname', url]), [0], 'pg_dump');
}

/** `psql -1 -f file`: the DDL in one transaction, stopping at the first error. */
export async function psqlFile(psql: string, url: string, file: string): Promise<Measured> {
  return expectExit(await run(psql, ['-X', '-q', '-1', '-v', 'ON_ERROR_STOP=1', '-f', file, '--dbname', url]), [0], 'psql -1 -f');
}
