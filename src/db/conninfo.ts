import { UserError } from '../errors.js';

/** Keys of a libpq conninfo string that become parts of the equivalent URL rather than query parameters. */
const URL_PARTS = new Set(['user', 'password', 'dbname', 'hostaddr']);

/** True when `s` looks like a libpq key=value connection string (`host=db dbname=app`). */
export function isConninfo(s: string): boolean {
  return /^\s*[a-z_]+\s*=/i.test(s);
}

/**
 * Parses a libpq key=value string (values optionally single-quoted, backslash escapes) into its
 * entries. Throws UserError naming the offending key, never quoting a value (it may be a password).
 */
export function parseConninfo(s: string): Map<string, string> {
  const entries = new Map<string, string>();
  let i = 0;
  const skipSpace = (): void => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  for (skipSpace(); i < s.length; skipSpace()) {
    const keyMatch = /^[a-z_]+/i.exec(s.slice(i));
    if (!keyMatch) throw new UserError(`Malformed connection string: expected key=value at offset ${i}`);
    const key = keyMatch[0].toLowerCase();
    i += key.length;
    skipSpace();
    if (s[i] !== '=') throw new UserError(`Malformed connection string: missing "=" after "${key}"`);
    i++;
    skipSpace();
    let value = '';
    if (s[i] === "'") {
      i++;
      for (; i < s.length && s[i] !== "'"; i++) value += s[i] === '\\' ? (s[++i] ?? '') : s[i];
      if (i >= s.length) throw new UserError(`Malformed connection string: unterminated quote in "${key}"`);
      i++;
    } else {
      for (; i < s.length && !/\s/.test(s[i]!); i++) value += s[i] === '\\' ? (s[++i] ?? '') : s[i];
    }
    entries.set(key, value);
  }
  return entries;
}

/**
 * Rewrites a conninfo string as an equivalent `postgres://` URL so that it goes through exactly
 * the same parsing in `pg` as a URL target. Host and port go in query parameters, which `pg`
 * honours and which also cover Unix socket directories and an empty host.
 */
export function conninfoToUrl(s: string): string {
  return entriesToUrl(parseConninfo(s));
}

/** The `postgres://` URL of parsed key=value entries (see conninfoToUrl). */
export function entriesToUrl(entries: ReadonlyMap<string, string>): string {
  const enc = encodeURIComponent;
  const user = entries.get('user');
  const password = entries.get('password');
  const userinfo =
    user !== undefined || password !== undefined
      ? `${enc(user ?? '')}${password !== undefined ? `:${enc(password)}` : ''}@`
      : '';
  const params = new URLSearchParams();
  const hostaddr = entries.get('hostaddr');
  if (hostaddr !== undefined && !entries.has('host')) params.set('host', hostaddr);
  for (const [key, value] of entries) {
    if (!URL_PARTS.has(key)) params.set(key, value);
  }
  const query = params.size > 0 ? `?${params.toString()}` : '';
  // pg decodes the path with decodeURI, which leaves reserved characters (such as '/') encoded,
  // so the name is encoded the same way; '?' and '#' cannot survive that round trip at all.
  const dbname = entries.get('dbname') ?? '';
  if (/[?#]/.test(dbname)) throw new UserError('Database names containing "?" or "#" are not supported');
  return `postgres://${userinfo}/${encodeURI(dbname)}${query}`;
}
