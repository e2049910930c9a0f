import path from 'node:path';
import { UserError } from '../errors.js';
import { entriesToUrl, isConninfo, parseConninfo } from './conninfo.js';
import { checkKeywords, withService } from './libpq-options.js';
import type { Database } from './database.js';
import type { ExtensionDef } from '../model/objects.js';
import { openPgDatabase } from './pg-database.js';
import { openPgliteDatabase, PGLITE_MEMORY } from './pglite-database.js';
import { redactConnectionString } from './redact.js';
import { fromSqlAlchemyUrl } from './sqlalchemy-url.js';
import { PG_ENV_TARGET } from './resolve-target.js';

/** How to open a target. */
export interface OpenOptions {
  /**
   * Extensions the caller will create (a target state's): PGlite loads their bundles when it
   * starts, and refuses up front the ones it does not ship. Ignored for PostgreSQL servers.
   */
  readonly extensions?: readonly ExtensionDef[];
  /** The directory a relative `pglite:<dir>` is found from (default: the working directory). */
  readonly cwd?: string;
}

const EXPECTED =
  'expected postgres://…, postgresql://… (or postgresql+psycopg2://…), a key=value connection string, pglite:<dir> or pglite:memory';

/**
 * Opens a target: `postgres://` / `postgresql://` URLs (also SQLAlchemy's `postgresql+<driver>://`), libpq key=value strings and `postgres:`
 * (PG* environment only) through `pg`; `pglite:<dir>` (relative to cwd) and `pglite:memory`
 * through PGlite. Every failure is a UserError whose message never contains the password.
 */
export async function openDatabase(target: string, opts: OpenOptions = {}): Promise<Database> {
  const trimmed = fromSqlAlchemyUrl(target.trim());
  if (trimmed === '') throw new UserError(`Empty database target (${EXPECTED})`);
  const label = redactConnectionString(trimmed);

  const pglite = /^pglite:(.*)$/is.exec(trimmed);
  if (pglite) {
    const location = pglite[1] ?? '';
    if (location === '') throw new UserError(`Missing directory in ${label} (use pglite:<dir> or pglite:memory)`);
    return openPgliteDatabase(location === PGLITE_MEMORY ? location : path.resolve(opts.cwd ?? process.cwd(), location), label, opts.extensions ?? []);
  }
  if (/^postgres(ql)?:$/i.test(trimmed)) {
    if (process.env['PGSERVICE']) return openPgDatabase(entriesToUrl(withService(new Map(), process.env)), pgEnvLabel(), []);
    return openPgDatabase(undefined, pgEnvLabel(), []);
  }
  if (/^postgres(ql)?:\/\//i.test(trimmed)) {
    const url = urlWithService(trimmed);
    return openPgDatabase(url, label, [...urlSecrets(trimmed), ...urlSecrets(url)]);
  }
  if (isConninfo(trimmed)) {
    const entries = parseConninfo(trimmed);
    checkKeywords(entries.keys(), 'connection string');
    const merged = withService(entries, process.env);
    const password = merged.get('password');
    return openPgDatabase(entriesToUrl(merged), label, password ? [password] : []);
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  throw new UserError(
    scheme
      ? `Unsupported database scheme "${scheme}:" in ${label} (${EXPECTED})`
      : `Unrecognized database target ${label} (${EXPECTED})`,
  );
}

/**
 * Checks a URL's query parameters against libpq's keywords and fills what it leaves out from its
 * service (`?service=` or PGSERVICE). A URL that does not parse is returned as is: pg reports it.
 */
function urlWithService(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  checkKeywords(u.searchParams.keys(), 'URL', true);
  const name = u.searchParams.get('service') ?? process.env['PGSERVICE'];
  if (!name) return url;
  u.searchParams.delete('service');
  const service = withService(new Map([['service', name]]), process.env);
  const set = (key: string, apply: (v: string) => void, has: boolean): void => {
    const v = service.get(key);
    if (v !== undefined && !has) apply(v);
    service.delete(key);
  };
  // As query parameters: a URL without a host (`postgres:///db`) cannot carry credentials.
  set('user', (v) => u.searchParams.set('user', v), u.username !== '' || u.searchParams.has('user'));
  set('password', (v) => u.searchParams.set('password', v), u.password !== '' || u.searchParams.has('password'));
  set('dbname', (v) => (u.pathname = `/${encodeURI(v)}`), u.pathname.length > 1);
  set('host', (v) => u.searchParams.set('host', v), u.hostname !== '' || u.searchParams.has('host'));
  set('port', (v) => u.searchParams.set('port', v), u.port !== '' || u.searchParams.has('port'));
  for (const [k, v] of service) if (!u.searchParams.has(k)) u.searchParams.set(k, v);
  return u.toString();
}

/** What `postgres:` resolves to, from the same variables `pg` reads (never PGPASSWORD). */
function pgEnvLabel(): string {
  const env = process.env;
  const user = env['PGUSER'] ?? '';
  const host = env['PGHOST'] ?? 'localhost';
  const port = env['PGPORT'] ?? '5432';
  const db = env['PGDATABASE'] ?? env['PGUSER'] ?? '';
  return `${PG_ENV_TARGET} (PG* environment: ${user ? `${user}@` : ''}${host}:${port}/${db})`;
}

/** The password of a URL in the forms a driver might echo it: raw, decoded, and as a parameter. */
function urlSecrets(url: string): string[] {
  const secrets: string[] = [];
  try {
    const parsed = new URL(url);
    for (const raw of [parsed.password, parsed.searchParams.get('password') ?? '']) {
      if (raw) secrets.push(raw, safeDecode(raw));
    }
  } catch {
    // Malformed URLs are reported by pg; redactConnectionString still hides the password.
  }
  return secrets;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
