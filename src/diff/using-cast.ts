import { quoteIdent } from '../model/names.js';
import type { TypeText } from '../model/objects.js';

/**
 * Types of PostgreSQL's string category (`typcategory = 'S'`): any type converts to them by an
 * assignment I/O cast, and they convert to any type by an explicit one (its input function).
 * citext (an extension's, category S) may be spelled with its schema.
 */
const STRING_TYPES = new Set(['text', 'character varying', 'character', 'name', 'citext']);

/** Built-in casts PostgreSQL allows only explicitly (pg_cast castcontext 'e'), among column types in use. */
const EXPLICIT_CASTS = new Set([
  'boolean>integer', 'integer>boolean',
  ...['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision', 'boolean'].map((t) => `jsonb>${t}`),
]);

/** The element type's name without modifiers and array brackets, and the brackets. */
function element(t: TypeText): { readonly base: string; readonly array: string } {
  const array = /(\[\])+$/.exec(t)?.[0] ?? '';
  const base = t.slice(0, t.length - array.length).replace(/\(\d+(?:,\s*\d+)?\)/, '').trim();
  return { base, array };
}

const isString = (base: string): boolean => STRING_TYPES.has(base) || STRING_TYPES.has(base.replace(/^[^.]+\./, ''));

/**
 * The USING expression `ALTER COLUMN .. TYPE to` needs when PostgreSQL has no assignment cast
 * from `from` ("column .. cannot be cast automatically to type .."), decided by its cast rules:
 * none to a string type (assignment I/O cast) or where a built-in assignment cast may exist;
 * `col::to` from a string type (explicit I/O cast: values that are not valid input, such as a label
 * outside an enum, fail) or along an explicit-only built-in cast; `col::text::to` from or to an
 * enum otherwise (enums have no casts but I/O ones: enum -> other enum, integer -> enum).
 * Arrays convert element-wise; a change of dimensions is left to PostgreSQL.
 */
export function usingCast(column: string, from: TypeText, to: TypeText, isEnum: (t: TypeText) => boolean): string | undefined {
  if (from === to) return undefined;
  const f = element(from);
  const t = element(to);
  if (f.array !== t.array || isString(t.base)) return undefined;
  const col = quoteIdent(column);
  if (isString(f.base) || EXPLICIT_CASTS.has(`${f.base}>${t.base}`)) return `${col}::${to}`;
  if (isEnum(f.base) || isEnum(t.base)) return `${col}::text${t.array}::${to}`;
  return undefined;
}
