/** PostgreSQL truncates identifiers to NAMEDATALEN-1 = 63 bytes (not characters). */
export const MAX_IDENTIFIER_BYTES = 63;

/** A schema-qualified name; both parts are the real (unquoted, case-preserved) identifiers. */
export interface QualifiedName {
  readonly schema: string;
  readonly name: string;
}

const SAFE_IDENT = /^[a-z_][a-z0-9_$]*$/;

// Reserved and type-position-ambiguous keywords that must always be quoted when used as names.
const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization binary both case cast check ' +
    'collate collation column concurrently constraint create cross current_catalog current_date ' +
    'current_role current_schema current_time current_timestamp current_user default deferrable ' +
    'desc distinct do else end except false fetch for foreign freeze from full grant group having ' +
    'ilike in initially inner intersect into is isnull join lateral leading left like limit ' +
    'localtime localtimestamp natural not notnull null offset on only or order outer overlaps ' +
    'placing primary references returning right select session_user similar some symmetric ' +
    'system_user table tablesample then to trailing true union unique user using variadic verbose ' +
    'when where window with ' +
    // col_name keywords that break in some positions; quoting them is always correct
    'between bigint bit boolean char character coalesce dec decimal exists extract float greatest ' +
    'grouping inout int integer interval least national nchar none normalize nullif numeric out ' +
    'overlay position precision real row setof smallint substring time timestamp treat trim values ' +
    'varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi ' +
    'xmlroot xmlserialize xmltable'
  ).split(' '),
);

/**
 * The one identifier quoting function: quotes unless the name is lower-case, plain and not a
 * keyword, so names with capitals, spaces, quotes, reserved words or non-ASCII round-trip.
 */
export function quoteIdent(name: string): string {
  if (SAFE_IDENT.test(name) && !RESERVED.has(name)) return name;
  return '"' + name.replace(/"/g, '""') + '"';
}

/** schema.name, each part quoted as needed; also the canonical map key for schema objects. */
export function qualify(q: QualifiedName): string {
  return `${quoteIdent(q.schema)}.${quoteIdent(q.name)}`;
}

/** `schema.symbol` of an operator: the symbol is never quoted (`public.===`, `OPERATOR(public.===)`). */
export function qualifyOperator(q: QualifiedName): string {
  return `${quoteIdent(q.schema)}.${q.name}`;
}

/**
 * A collation as columns, domains and index keys spell it: the quoted name when the pinned
 * search_path sees it (pg_catalog, public), else `"schema"."name"` (pg_get_indexdef prints the same).
 */
export function collationName(schema: string | undefined, name: string): string {
  const q = (s: string): string => '"' + s.replace(/"/g, '""') + '"';
  return schema === undefined || schema === 'pg_catalog' || schema === 'public' ? q(name) : `${q(schema)}.${q(name)}`;
}

/** Quotes a string literal the way PostgreSQL prints one (doubling quotes; E'' for backslashes). */
export function quoteLiteral(value: string): string {
  const body = value.replace(/'/g, "''");
  return value.includes('\\') ? `E'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
}

/** Truncates to at most 63 bytes without splitting a UTF-8 character, as PostgreSQL does. */
export function truncateIdentifier(name: string, maxBytes = MAX_IDENTIFIER_BYTES): string {
  if (utf8Length(name) <= maxBytes) return name;
  let out = '';
  let bytes = 0;
  for (const ch of name) {
    const b = utf8Length(ch);
    if (bytes + b > maxBytes) break;
    out += ch;
    bytes += b;
  }
  return out;
}

const encoder = new TextEncoder();

/** Byte length of a string in UTF-8, the unit PostgreSQL's identifier limit counts in. */
export function utf8Length(s: string): number {
  // Identifiers are nearly always ASCII: skip the encoder for them.
  return /^[\x00-\x7f]*$/.test(s) ? s.length : encoder.encode(s).length;
}

/** A function or operator class name as the model keeps it: bare in pg_catalog, else schema-qualified. */
export function catalogObjectName(schema: string, name: string): string {
  return schema === 'pg_catalog' ? quoteIdent(name) : qualify({ schema, name });
}

/**
 * A routine or operator an object names (an aggregate's SFUNC, SORTOP), spelt the same from a
 * migration and from the catalog: unqualified in `pg_catalog` and `public` (both on the search
 * path replay and introspection assume), schema-qualified elsewhere.
 */
export function routineName(schema: string | undefined, name: string, quote: (n: string) => string = quoteIdent): string {
  return schema === undefined || schema === 'public' || schema === 'pg_catalog' ? quote(name) : `${quoteIdent(schema)}.${quote(name)}`;
}
