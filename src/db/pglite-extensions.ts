import type { Extension } from '@electric-sql/pglite';
import { formatPos, UserError } from '../errors.js';
import type { ExtensionDef } from '../model/objects.js';

/**
 * The contrib extensions @electric-sql/pglite 0.5 ships as separate WASM bundles, by the name
 * CREATE EXTENSION uses. PGlite can only run CREATE EXTENSION for a bundle handed to it when the
 * database is created, so `apply` passes the ones its history creates.
 */
const CONTRIB: Readonly<Record<string, () => Promise<Extension>>> = {
  amcheck: () => import('@electric-sql/pglite/contrib/amcheck').then((x) => x.amcheck),
  auto_explain: () => import('@electric-sql/pglite/contrib/auto_explain').then((x) => x.auto_explain),
  bloom: () => import('@electric-sql/pglite/contrib/bloom').then((x) => x.bloom),
  btree_gin: () => import('@electric-sql/pglite/contrib/btree_gin').then((x) => x.btree_gin),
  btree_gist: () => import('@electric-sql/pglite/contrib/btree_gist').then((x) => x.btree_gist),
  citext: () => import('@electric-sql/pglite/contrib/citext').then((x) => x.citext),
  cube: () => import('@electric-sql/pglite/contrib/cube').then((x) => x.cube),
  dict_int: () => import('@electric-sql/pglite/contrib/dict_int').then((x) => x.dict_int),
  dict_xsyn: () => import('@electric-sql/pglite/contrib/dict_xsyn').then((x) => x.dict_xsyn),
  earthdistance: () => import('@electric-sql/pglite/contrib/earthdistance').then((x) => x.earthdistance),
  file_fdw: () => import('@electric-sql/pglite/contrib/file_fdw').then((x) => x.file_fdw),
  fuzzystrmatch: () => import('@electric-sql/pglite/contrib/fuzzystrmatch').then((x) => x.fuzzystrmatch),
  hstore: () => import('@electric-sql/pglite/contrib/hstore').then((x) => x.hstore),
  intarray: () => import('@electric-sql/pglite/contrib/intarray').then((x) => x.intarray),
  isn: () => import('@electric-sql/pglite/contrib/isn').then((x) => x.isn),
  lo: () => import('@electric-sql/pglite/contrib/lo').then((x) => x.lo),
  ltree: () => import('@electric-sql/pglite/contrib/ltree').then((x) => x.ltree),
  moddatetime: () => import('@electric-sql/pglite/contrib/moddatetime').then((x) => x.moddatetime),
  pageinspect: () => import('@electric-sql/pglite/contrib/pageinspect').then((x) => x.pageinspect),
  pg_buffercache: () => import('@electric-sql/pglite/contrib/pg_buffercache').then((x) => x.pg_buffercache),
  pg_freespacemap: () => import('@electric-sql/pglite/contrib/pg_freespacemap').then((x) => x.pg_freespacemap),
  pg_stat_statements: () => import('@electric-sql/pglite/contrib/pg_stat_statements').then((x) => x.pg_stat_statements),
  pg_surgery: () => import('@electric-sql/pglite/contrib/pg_surgery').then((x) => x.pg_surgery),
  pg_trgm: () => import('@electric-sql/pglite/contrib/pg_trgm').then((x) => x.pg_trgm),
  pg_visibility: () => import('@electric-sql/pglite/contrib/pg_visibility').then((x) => x.pg_visibility),
  pg_walinspect: () => import('@electric-sql/pglite/contrib/pg_walinspect').then((x) => x.pg_walinspect),
  pgcrypto: () => import('@electric-sql/pglite/contrib/pgcrypto').then((x) => x.pgcrypto),
  seg: () => import('@electric-sql/pglite/contrib/seg').then((x) => x.seg),
  tablefunc: () => import('@electric-sql/pglite/contrib/tablefunc').then((x) => x.tablefunc),
  tcn: () => import('@electric-sql/pglite/contrib/tcn').then((x) => x.tcn),
  tsm_system_rows: () => import('@electric-sql/pglite/contrib/tsm_system_rows').then((x) => x.tsm_system_rows),
  tsm_system_time: () => import('@electric-sql/pglite/contrib/tsm_system_time').then((x) => x.tsm_system_time),
  unaccent: () => import('@electric-sql/pglite/contrib/unaccent').then((x) => x.unaccent),
  'uuid-ossp': () => import('@electric-sql/pglite/contrib/uuid_ossp').then((x) => x.uuid_ossp),
};

/** Built into PGlite itself: nothing to load. */
const BUILT_IN = new Set(['plpgsql']);

/** Extension names PGlite can load (for messages). Not re-exported: PGlite's own types need Emscripten's, which a consumer without them could not compile. */
export const PGLITE_EXTENSIONS: readonly string[] = Object.keys(CONTRIB).sort();

/**
 * Loads the PGlite bundles for the extensions a target creates, keyed as PGlite's `extensions`
 * option wants them. Refuses, naming each and where the history creates it, the extensions PGlite
 * does not ship: the apply would otherwise fail midway on "extension ... is not available".
 */
export async function pgliteExtensions(needed: readonly ExtensionDef[], label: string): Promise<Record<string, Extension>> {
  const missing = needed.filter((e) => !BUILT_IN.has(e.name) && !(e.name in CONTRIB));
  if (missing.length) {
    const list = missing.map((e) => `"${e.name}"${e.origin ? ` (created at ${formatPos(e.origin)})` : ''}`).join(', ');
    throw new UserError(
      `${label}: PGlite has no ${missing.length === 1 ? 'extension' : 'extensions'} ${list}; ` +
        `apply to a real PostgreSQL server that has ${missing.length === 1 ? 'it' : 'them'} instead (--database postgres://...)`,
      undefined,
      `PGlite ships ${PGLITE_EXTENSIONS.join(', ')}`,
    );
  }
  const out: Record<string, Extension> = {};
  for (const e of needed) {
    const load = CONTRIB[e.name];
    if (load) out[e.name.replace(/-/g, '_')] = await load();
  }
  return out;
}
