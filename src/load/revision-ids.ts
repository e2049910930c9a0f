import { UserError, type SourcePos } from '../errors.js';

const ID = /^[A-Za-z0-9_.\-]+$/;

function unquote(token: string): string {
  const m = /^(['"])(.*)\1$/.exec(token);
  return m ? m[2]!.trim() : token;
}

/** Checks one revision id as written in a header or marker; quotes around it are allowed. */
export function parseRevisionId(raw: string, what: string, pos: SourcePos): string {
  const id = unquote(raw.trim());
  if (id === '') throw new UserError(`${what} is empty in ${pos.file}`, pos);
  if (!ID.test(id)) {
    throw new UserError(`${what} "${id}" in ${pos.file} is not a valid revision id (letters, digits, _ . - only)`, pos);
  }
  return id;
}

/**
 * Parses a parent list in the forms Alembic users write: `a`, `a, b`, `('a', 'b')`, `['a']`,
 * `none`/`None`/empty for a root. `None` entries are dropped and repeated ids are kept once.
 */
export function parseRevisionList(raw: string, what: string, pos: SourcePos): string[] {
  let s = raw.trim();
  const bracketed = /^\((.*)\)$/.exec(s) ?? /^\[(.*)\]$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  const ids: string[] = [];
  for (const token of s.split(/[\s,]+/)) {
    if (token === '' || /^none$/i.test(unquote(token))) continue;
    const id = parseRevisionId(token, what, pos);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
