const MASK = '***';

/** `scheme://` at the start of a string or of a whitespace-separated token. */
const URL_START = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Replaces every password in a connection string (or in a message that embeds one) with `***`:
 * the password of `scheme://user:password@host` URLs, `password=` / `sslpassword=` query
 * parameters, and `password=` entries of key=value conninfo strings. Errs towards hiding too much:
 * an unencoded `@` or `/` in a URL password is still treated as part of the password.
 */
export function redactConnectionString(s: string): string {
  // A string that is a URL is redacted as one unit, so that an unencoded space in its password
  // cannot split it into tokens and leave half of the password visible.
  if (URL_START.test(s.trim())) return redactUrl(s);
  return redactConninfo(s.replace(/[a-z][a-z0-9+.-]*:\/\/\S*/gi, (url) => redactUrl(url)));
}

function redactUrl(url: string): string {
  const start = url.indexOf('://') + 3;
  const rest = url.slice(start);
  // The userinfo ends at the last '@' before the query, unless the query itself is where the
  // '@' is (then the password probably contains '?' or '#', so take the last '@' overall).
  const head = rest.split(/[?#]/, 1)[0] ?? '';
  const at = head.includes('@') ? head.lastIndexOf('@') : rest.lastIndexOf('@');
  let out = url;
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    const colon = userinfo.indexOf(':');
    if (colon >= 0) {
      out = url.slice(0, start) + userinfo.slice(0, colon + 1) + MASK + rest.slice(at);
    }
  }
  return out.replace(/([?&](?:ssl)?password=)[^&#]*/gi, `$1${MASK}`);
}

function redactConninfo(s: string): string {
  return s.replace(
    /((?:^|\s)(?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*(?:'|$)|(?:[^\s\\]|\\.)*)/gi,
    `$1${MASK}`,
  );
}

/**
 * Redacts connection strings in `message` and also blanks every literal occurrence of the given
 * secrets, for messages produced by drivers that might quote a password in some other form.
 */
export function scrubSecrets(message: string, secrets: readonly string[]): string {
  let out = redactConnectionString(message);
  for (const secret of secrets) {
    // Very short secrets would blank ordinary words; they are also not worth hiding this way.
    if (secret.length >= 3) out = out.split(secret).join(MASK);
  }
  return out;
}
