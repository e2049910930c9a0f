import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import { UserError } from '../errors.js';

/**
 * Every connection keyword libpq (PostgreSQL 18) accepts. libpq refuses any other, in key=value
 * strings and URI query parameters alike; so do we: `hostt=db` must fail, not quietly connect
 * to localhost.
 */
const LIBPQ_KEYWORDS = new Set([
  'host', 'hostaddr', 'port', 'dbname', 'user', 'password', 'passfile', 'require_auth', 'channel_binding', 'connect_timeout',
  'client_encoding', 'options', 'application_name', 'fallback_application_name', 'keepalives', 'keepalives_idle',
  'keepalives_interval', 'keepalives_count', 'tcp_user_timeout', 'replication', 'gssencmode', 'sslmode', 'requiressl',
  'sslnegotiation', 'sslcompression', 'sslcert', 'sslkey', 'sslkeylogfile', 'sslpassword', 'sslcertmode', 'sslrootcert', 'sslcrl',
  'sslcrldir', 'sslsni', 'requirepeer', 'ssl_min_protocol_version', 'ssl_max_protocol_version', 'min_protocol_version',
  'max_protocol_version', 'krbsrvname', 'gsslib', 'gssdelegation', 'service', 'target_session_attrs', 'load_balance_hosts',
  'scram_client_key', 'scram_server_key', 'oauth_issuer', 'oauth_client_id', 'oauth_client_secret', 'oauth_scope',
]);

/** node-postgres' own URL parameters, accepted in URLs for people who already use them. */
const PG_URL_EXTRAS = new Set(['ssl', 'uselibpqcompat']);

/** Refuses keywords libpq does not know, naming them (never their values: one may be a secret). */
export function checkKeywords(keys: Iterable<string>, where: 'connection string' | 'URL' | 'service file', url = false): void {
  const unknown = [...keys].filter((k) => !LIBPQ_KEYWORDS.has(k) && !(url && PG_URL_EXTRAS.has(k)));
  if (unknown.length) {
    const hint = unknown.map((k) => {
      const near = [...LIBPQ_KEYWORDS].find((known) => known.length > 2 && (k.startsWith(known) || known.startsWith(k)));
      return near ? `"${k}" (did you mean "${near}"?)` : `"${k}"`;
    });
    throw new UserError(`invalid ${where} option${unknown.length === 1 ? '' : 's'} ${hint.join(', ')} (libpq's keywords: host, port, dbname, user, sslmode, service, ...)`);
  }
}

/** Parses pg_service.conf text: `[service]` sections of `key=value` lines, `#` comments. */
export function parseServiceFile(text: string, file: string): Map<string, Map<string, string>> {
  const services = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      services.set(section[1]!.trim(), (current = new Map()));
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0 || !current) throw new UserError(`syntax error in service file`, { file, line: i + 1 });
    const key = line.slice(0, eq).trim();
    if (!LIBPQ_KEYWORDS.has(key) || key === 'service') throw new UserError(`invalid service file option "${key}"`, { file, line: i + 1 });
    current.set(key, line.slice(eq + 1).trim());
  }
  return services;
}

/**
 * The options of a named service, from the first file that defines it, in libpq's order:
 * PGSERVICEFILE (or ~/.pg_service.conf), then PGSYSCONFDIR/pg_service.conf.
 */
export function serviceOptions(name: string, env: Readonly<Record<string, string | undefined>>): Map<string, string> {
  const files = [env['PGSERVICEFILE'] ?? path.join(os.homedir(), '.pg_service.conf')];
  if (env['PGSYSCONFDIR']) files.push(path.join(env['PGSYSCONFDIR'], 'pg_service.conf'));
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const found = parseServiceFile(text, file).get(name);
    if (found) return found;
  }
  throw new UserError(`definition of service "${name}" not found (looked in ${files.join(', ')})`);
}

/**
 * Fills options the connection string leaves out from its service (`service=` or PGSERVICE), as
 * libpq does: what the string says wins.
 */
export function withService(entries: ReadonlyMap<string, string>, env: Readonly<Record<string, string | undefined>>): Map<string, string> {
  const name = entries.get('service') ?? env['PGSERVICE'];
  const out = new Map(entries);
  out.delete('service');
  if (!name) return out;
  for (const [k, v] of serviceOptions(name, env)) if (!out.has(k)) out.set(k, v);
  return out;
}

/** TLS settings to try in order: libpq's `prefer` tries TLS, then a plain connection. */
export type SslAttempt = false | ConnectionOptions;

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;

function readCert(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${what} ${file}: ${(e as Error).message}`);
  }
}

/**
 * libpq's sslmode semantics (default `prefer`, or PGSSLMODE) as the TLS settings to try, in
 * order: `disable` plain only; `allow` plain, then TLS; `prefer` TLS, then plain; `require` TLS
 * without certificate checks (unless sslrootcert is given: then as verify-ca); `verify-ca` the
 * chain against sslrootcert; `verify-full` the chain and the host name. node-postgres alone
 * treats `require` as verify-full and never falls back.
 */
export function sslAttempts(params: ReadonlyMap<string, string>, env: Readonly<Record<string, string | undefined>>): SslAttempt[] {
  const mode = params.get('sslmode') ?? env['PGSSLMODE'] ?? 'prefer';
  if (!(SSL_MODES as readonly string[]).includes(mode)) throw new UserError(`invalid sslmode value: "${mode}" (expected ${SSL_MODES.join(', ')})`);
  const rootcert = params.get('sslrootcert') ?? env['PGSSLROOTCERT'];
  const cert = params.get('sslcert') ?? env['PGSSLCERT'];
  const key = params.get('sslkey') ?? env['PGSSLKEY'];
  const client: ConnectionOptions = {
    ...(cert ? { cert: readCert(cert, 'sslcert') } : {}),
    ...(key ? { key: readCert(key, 'sslkey') } : {}),
  };
  const ca = rootcert && rootcert !== 'system' ? readCert(rootcert, 'sslrootcert') : undefined;
  const noCheck: ConnectionOptions = { ...client, rejectUnauthorized: false };
  const chainOnly: ConnectionOptions = { ...client, ...(ca ? { ca } : {}), checkServerIdentity: () => undefined };
  switch (mode as (typeof SSL_MODES)[number]) {
    case 'disable': return [false];
    case 'allow': return [false, noCheck];
    case 'prefer': return [noCheck, false];
    case 'require': return [ca ? chainOnly : noCheck];
    case 'verify-ca':
      if (!rootcert) throw new UserError('sslmode=verify-ca needs sslrootcert (the CA certificate file, or "system")');
      return [chainOnly];
    case 'verify-full': return [{ ...client, ...(ca ? { ca } : {}) }];
  }
}

/** True when a failed attempt should make way for the next one (the server refused TLS, or a plain connection). */
export function fallsBack(err: unknown, attempt: SslAttempt): boolean {
  const text = err instanceof Error ? err.message : String(err);
  if (attempt !== false) return /does not support SSL/i.test(text);
  return (err as { code?: string }).code === '28000' || /no encryption|SSL (is )?required|pg_hba\.conf/i.test(text);
}
