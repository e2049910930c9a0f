/** Decodes Python string literal tokens (prefixes, triple quotes, escapes) into their values. */

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '',
};

/** Splits a literal token into its prefix letters (lower-cased) and the body between the quotes. */
export function splitStringToken(token: string): { prefix: string; body: string; quote: string } {
  const m = /^([a-zA-Z]*)('''|"""|'|")/.exec(token);
  if (!m) throw new Error(`not a string literal: ${token}`);
  const quote = m[2]!;
  return { prefix: m[1]!.toLowerCase(), quote, body: token.slice(m[0].length, token.length - quote.length) };
}

/** Resolves backslash escapes as Python does for a non-raw literal. */
export function unescapePython(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const n = body[i + 1]!;
    if (n in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[n];
      i++;
    } else if (n === '\r' && body[i + 2] === '\n') {
      i += 2;
    } else if (n === 'x' || n === 'u' || n === 'U') {
      const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 2 + len), 16));
      i += 1 + len;
    } else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m, 8));
      i += m.length;
    } else {
      out += c; // unknown escapes stay as written, as in Python
    }
  }
  return out;
}

/** The value of one plain (non-f) string token, e.g. `u'abc'`, `r"\d"`, `"""doc"""`. */
export function stringTokenValue(token: string): string {
  const { prefix, body } = splitStringToken(token);
  return prefix.includes('r') ? body : unescapePython(body);
}
