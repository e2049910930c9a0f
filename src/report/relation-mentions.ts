import type { QualifiedName } from '../model/names.js';

type Token = { readonly kind: 'ident'; readonly text: string } | { readonly kind: 'dot' } | { readonly kind: 'other' };

const OPERATOR_CHARS = '+-*/<>=~!@#%^&|`?';

/**
 * The operator symbol starting at `i`, as PostgreSQL's lexer cuts it: the longest run of operator
 * characters up to a comment start, less trailing `+`/`-` unless it holds one of ~!@#%^&|`?
 * (so `a=-1` is `=` then `-`).
 */
function operatorAt(sql: string, i: number): string {
  let end = i;
  while (end < sql.length && OPERATOR_CHARS.includes(sql[end]!)) {
    if (end > i && ((sql[end] === '-' && sql[end + 1] === '-') || (sql[end] === '/' && sql[end + 1] === '*'))) break;
    end++;
  }
  let op = sql.slice(i, end);
  if (op.length > 1 && !/[~!@#%^&|`?]/.test(op)) op = op.replace(/(?<=.)[+-]+$/, '');
  return op;
}

/** Splits SQL into identifiers (unquoted ones case-folded, quoted ones unescaped) and dots. */
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
      // PostgreSQL folds only ASCII letters of unquoted identifiers.
      tokens.push({ kind: 'ident', text: m.replace(/[A-Z]+/g, (u) => u.toLowerCase()) });
      i += m.length;
    } else if (c === '.') {
      tokens.push({ kind: 'dot' });
      i++;
    } else if (OPERATOR_CHARS.includes(c)) {
      const op = operatorAt(sql, i);
      // An operator symbol is a name too (`a === b`, `OPERATOR(app.===)`): operators are mentionable.
      tokens.push({ kind: 'ident', text: op });
      i += op.length;
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
 * Relation names a query may mention: each name that appears unqualified or qualified by one
 * schema (`alias.column` and `db.schema.rel` forms excluded). Tokenised once per query, so
 * ordering n views costs n scans rather than n² (see {@link mayMention}).
 */
export class RelationMentions {
  private readonly unqualified = new Set<string>();
  private readonly qualified = new Set<string>();

  constructor(sql: string) {
    const tokens = tokenize(sql);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'ident') continue;
      if (tokens[i - 1]?.kind !== 'dot') this.unqualified.add(t.text);
      else {
        const q = tokens[i - 2];
        if (q?.kind === 'ident' && tokens[i - 3]?.kind !== 'dot') this.qualified.add(`${q.text}\0${t.text}`);
      }
    }
  }

  /** Every relation name seen, qualified or not: candidates to check with {@link has}. */
  names(): Set<string> {
    const out = new Set(this.unqualified);
    for (const q of this.qualified) out.add(q.slice(q.indexOf('\0') + 1));
    return out;
  }

  /** Whether `rel` is mentioned unqualified or qualified by its own schema. */
  has(rel: QualifiedName): boolean {
    return this.unqualified.has(rel.name) || this.qualified.has(`${rel.schema}\0${rel.name}`);
  }
}

/**
 * Whether a query may mention relation `rel`: its name appears either unqualified or qualified by
 * its own schema. Over-approximates (a column of the same name also counts), which only ever adds
 * ordering constraints; `alias.name` is a column reference and does not count.
 */
export function mayMention(sql: string, rel: QualifiedName): boolean {
  return new RelationMentions(sql).has(rel);
}
