import type { QualifiedName } from '../model/names.js';

type Token = { readonly kind: 'ident'; readonly text: string } | { readonly kind: 'dot' } | { readonly kind: 'other' };

/** Splits SQL into identifiers (unquoted folded to lower case, quoted ones unescaped) and dots. */
function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'") {
      // E'..' strings (prefix already read as an identifier) may escape quotes with a backslash.
      const escapes = tokens.length > 0 && /^e$/i.test(lastIdent(tokens) ?? '') && sql[i - 1] !== ' ';
      i++;
      while (i < sql.length) {
        if (escapes && sql[i] === '\\') i += 2;
        else if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
        else if (sql[i] === "'") break;
        else i++;
      }
      i++;
      tokens.push({ kind: 'other' });
    } else if (c === '"') {
      let text = '';
      i++;
      while (i < sql.length) {
        if (sql[i] === '"' && sql[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (sql[i] === '"') break;
        else text += sql[i++];
      }
      i++;
      tokens.push({ kind: 'ident', text });
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === '$' && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(sql.slice(i))) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      i = end < 0 ? sql.length : end + tag.length;
      tokens.push({ kind: 'other' });
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(sql.slice(i))![0];
      tokens.push({ kind: 'ident', text: m.toLowerCase() });
      i += m.length;
    } else if (c === '.') {
      tokens.push({ kind: 'dot' });
      i++;
    } else {
      if (!/\s/.test(c)) tokens.push({ kind: 'other' });
      i++;
    }
  }
  return tokens;
}

function lastIdent(tokens: readonly Token[]): string | undefined {
  const t = tokens[tokens.length - 1];
  return t?.kind === 'ident' ? t.text : undefined;
}

/**
 * Whether a query may mention relation `rel`: its name appears either unqualified or qualified by
 * its own schema. Over-approximates (a column of the same name also counts), which only ever adds
 * ordering constraints; `alias.name` is a column reference and does not count.
 */
export function mayMention(sql: string, rel: QualifiedName): boolean {
  const tokens = tokenize(sql);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'ident' || t.text !== rel.name) continue;
    if (tokens[i - 1]?.kind !== 'dot') return true;
    const qualifier = tokens[i - 2];
    if (qualifier?.kind === 'ident' && qualifier.text === rel.schema && tokens[i - 3]?.kind !== 'dot') return true;
  }
  return false;
}
