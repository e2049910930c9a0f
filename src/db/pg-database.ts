import type pg from 'pg';
import { UserError } from '../errors.js';
import type { Database } from './database.js';
import { wrapDriverError } from './driver-error.js';
import { fallsBack, sslAttempts, type SslAttempt } from './libpq-options.js';
import { scrubSecrets } from './redact.js';
import { TEXT_PARSERS } from './type-parsers.js';

/** Shown in pg_stat_activity so DBAs can tell our sessions apart; a URL's own value wins. */
const APPLICATION_NAME = 'schema-sync';
/** pg waits forever by default; an unreachable host should fail in reasonable time. */
const CONNECT_TIMEOUT_MS = 15_000;

/** Per-client type parsers, so that we never mutate pg's process-wide defaults. */
function clientTypes(driver: typeof pg): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: string) => {
      const parser = format === 'binary' ? undefined : TEXT_PARSERS[oid];
      return parser ?? driver.types.getTypeParser(oid, format as 'text');
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/**
 * Connects one `pg.Client`. `connectionString` undefined means "only the PG* environment";
 * `label` is the already-redacted target; `secrets` are scrubbed from every error message.
 */
export async function openPgDatabase(
  connectionString: string | undefined,
  label: string,
  secrets: readonly string[],
): Promise<Database> {
  const allSecrets = [...secrets, ...(process.env['PGPASSWORD'] ? [process.env['PGPASSWORD']] : [])];
  const fail = (err: unknown): UserError =>
    new UserError(`Cannot connect to ${label}: ${scrubSecrets(describe(err), allSecrets)}`);

  // Loaded on first use: `state` never connects and skips its ~60 ms of startup.
  const { default: driver } = await import('pg');
  const { url, attempts } = tlsPlan(connectionString);
  let client: pg.Client | undefined;
  let lost: unknown;
  for (const [i, ssl] of attempts.entries()) {
    let c: pg.Client;
    try {
      c = new driver.Client({
        connectionString: url,
        application_name: APPLICATION_NAME,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        types: clientTypes(driver),
        ...(ssl === undefined ? {} : { ssl }),
      });
    } catch (err) {
      // pg-connection-string throws on malformed URLs (it redacts its own `input` field).
      throw fail(err);
    }
    // Without a listener an idle connection dropped by the server would crash the process; the
    // next query reports the loss instead.
    c.on('error', (err) => {
      lost = err;
    });
    try {
      await c.connect();
      client = c;
      break;
    } catch (err) {
      await c.end().catch(() => undefined);
      lost = undefined;
      if (i < attempts.length - 1 && ssl !== undefined && fallsBack(err, ssl)) continue;
      throw fail(err);
    }
  }
  if (!client) throw new Error('no connection attempt was made');
  const connected = client;

  let closed = false;
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    if (closed) throw new Error(`Database ${label} is closed`);
    if (lost !== undefined) {
      const detail = lost instanceof Error ? lost.message : String(lost);
      throw new UserError(`Lost connection to ${label}: ${scrubSecrets(detail, allSecrets)}`);
    }
    try {
      return await work();
    } catch (err) {
      throw wrapDriverError(err, label, allSecrets);
    }
  };

  return {
    kind: 'postgres',
    label,
    query: <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      run(async () => {
        const result = await connected.query({ text: sql, values: params, queryMode: 'extended' } as pg.QueryConfig);
        return result.rows as T[];
      }),
    exec: (sql: string) =>
      run(async () => {
        await connected.query(sql);
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      await connected.end().catch(() => undefined);
    },
  };
}

/** Node reports a refused `localhost` (tried as ::1 and 127.0.0.1) as an AggregateError with no message. */
function describe(err: unknown): string {
  if (err instanceof AggregateError && !err.message) {
    return [...new Set(err.errors.map(describe))].join('; ') || err.name;
  }
  return err instanceof Error ? err.message || String((err as { code?: unknown }).code ?? err.name) : String(err);
}

/** TLS keys of a URL that libpq semantics replace with an explicit `ssl` setting. */
const TLS_PARAMS = ['sslmode', 'sslrootcert', 'sslcert', 'sslkey'];

/**
 * The URL without its TLS parameters and the TLS settings to try (see sslAttempts). A URL that
 * uses node-postgres' own `ssl=` parameter without `sslmode` keeps node-postgres' behaviour.
 */
function tlsPlan(connectionString: string | undefined): { url: string | undefined; attempts: (SslAttempt | undefined)[] } {
  if (connectionString === undefined) return { url: undefined, attempts: sslAttempts(new Map(), process.env) };
  // Like pg-connection-string: `user@/db` (no host, e.g. a Unix socket in ?host=) needs a
  // placeholder host for the WHATWG parser.
  const DUMMY = '___SCHEMA_SYNC_DUMMY___';
  const dummy = /@\//.test(connectionString) && !/^[a-z]+:\/\/\//i.test(connectionString);
  let u: URL;
  try {
    u = new URL(dummy ? connectionString.replace('@/', `@${DUMMY}/`) : connectionString);
  } catch {
    return { url: connectionString, attempts: [undefined] };
  }
  if (u.searchParams.has('ssl') && !u.searchParams.has('sslmode')) return { url: connectionString, attempts: [undefined] };
  const params = new Map(TLS_PARAMS.filter((k) => u.searchParams.has(k)).map((k) => [k, u.searchParams.get(k)!]));
  for (const k of TLS_PARAMS) u.searchParams.delete(k);
  const url = u.toString();
  return { url: dummy ? url.replace(`@${DUMMY}/`, '@/') : url, attempts: sslAttempts(params, process.env) };
}
