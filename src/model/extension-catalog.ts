import type { ExtensionDef } from './objects.js';

/**
 * What an extension's control file and install script decide and a history cannot say: whether
 * ALTER EXTENSION .. SET SCHEMA may move it, the schema it is pinned to, and the types it brings
 * (columns, domains and attributes name them; moving the extension moves them, and PostgreSQL,
 * which stores their OIDs, then prints the new schema).
 */
export interface ExtensionFacts {
  /** The control file's `relocatable = true`: SET SCHEMA moves it, else PostgreSQL refuses. */
  readonly relocatable: boolean;
  /** The control file's `schema = ...`: where CREATE EXTENSION puts it whatever search_path says. */
  readonly schema?: string;
  /** Its member types (pg_depend deptype 'e'), by name; their array types follow them. */
  readonly types: readonly string[];
}

const movable = (...types: string[]): ExtensionFacts => ({ relocatable: true, types });

/**
 * The extensions PostgreSQL 15's contrib ships and PGlite bundles (src/db/pglite-extensions.ts),
 * plus plpgsql, as their default versions install them: read from pg_available_extension_versions
 * and pg_depend on PostgreSQL 15 (test/model/extension-catalog-pg.test.ts checks every entry
 * against the test server). An extension not listed is unknown: replay warns where it would need these.
 */
const KNOWN: Readonly<Record<string, ExtensionFacts>> = {
  plpgsql: { relocatable: false, schema: 'pg_catalog', types: [] },
  amcheck: movable(),
  bloom: movable(),
  btree_gin: movable(),
  btree_gist: movable('gbtreekey16', 'gbtreekey2', 'gbtreekey32', 'gbtreekey4', 'gbtreekey8', 'gbtreekey_var'),
  citext: movable('citext'),
  cube: movable('cube'),
  dict_int: movable(),
  dict_xsyn: movable(),
  earthdistance: movable('earth'),
  file_fdw: movable(),
  fuzzystrmatch: movable(),
  hstore: movable('ghstore', 'hstore'),
  intarray: movable('intbig_gkey', 'query_int'),
  isn: movable('ean13', 'isbn', 'isbn13', 'ismn', 'ismn13', 'issn', 'issn13', 'upc'),
  lo: movable('lo'),
  ltree: movable('lquery', 'ltree', 'ltree_gist', 'ltxtquery'),
  moddatetime: movable(),
  pageinspect: movable(),
  pg_buffercache: movable(),
  pg_freespacemap: movable(),
  pg_stat_statements: movable(),
  pg_surgery: movable(),
  pg_trgm: movable('gtrgm'),
  pg_visibility: movable(),
  pg_walinspect: movable(),
  pgcrypto: movable(),
  seg: movable('seg'),
  tablefunc: movable('tablefunc_crosstab_2', 'tablefunc_crosstab_3', 'tablefunc_crosstab_4'),
  tcn: movable(),
  tsm_system_rows: movable(),
  tsm_system_time: movable(),
  unaccent: movable(),
  'uuid-ossp': movable(),
};

/** The facts of an extension schema-sync knows; undefined for any other. */
export function extensionFacts(name: string): ExtensionFacts | undefined {
  return Object.hasOwn(KNOWN, name) ? KNOWN[name] : undefined;
}

/** The names of the extensions schema-sync knows, sorted. */
export const KNOWN_EXTENSIONS: readonly string[] = Object.keys(KNOWN).sort();

/**
 * The schema an extension's objects live in: the one CREATE EXTENSION .. SCHEMA or a SET SCHEMA
 * named, else for a known extension its control file's, else `public` (the first schema of the
 * default search_path, where CREATE EXTENSION puts it). Undefined for an unknown extension the
 * history put nowhere in particular: its control file may pin one (pg_cron's is pg_catalog).
 */
export function extensionSchema(e: ExtensionDef): string | undefined {
  if (e.schema !== undefined) return e.schema;
  const facts = extensionFacts(e.name);
  return facts ? (facts.schema ?? 'public') : undefined;
}

/**
 * The schema the plan holds an extension to: one the history wrote (CREATE EXTENSION .. SCHEMA,
 * SET SCHEMA) or its control file pins. Undefined where the history left it to the search_path:
 * on a database that already has the extension elsewhere (a platform's `extensions` schema),
 * `CREATE EXTENSION IF NOT EXISTS` leaves it there, so schema-sync does not move it either.
 */
function requiredExtensionSchema(e: ExtensionDef): string | undefined {
  return e.schema ?? extensionFacts(e.name)?.schema;
}

/** The move ALTER EXTENSION .. SET SCHEMA makes from the live extension to the target; undefined when none is due. */
export function extensionMove(target: ExtensionDef, live: ExtensionDef): { readonly from: string; readonly to: string } | undefined {
  const to = requiredExtensionSchema(target);
  return to === undefined || live.schema === undefined || to === live.schema ? undefined : { from: live.schema, to };
}
