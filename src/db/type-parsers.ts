import { parseArrayLiteral } from './array-literal.js';

/** Converts one column value from PostgreSQL's text format to the JS value callers see. */
export type TextParser = (value: string) => unknown;

const asString: TextParser = (v) => v;
const asNumber: TextParser = (v) => Number(v);
const asBool: TextParser = (v) => v === 't';
/** `int2vector` / `oidvector` print as space-separated numbers (`pg_index.indkey`, `proargtypes`). */
const asNumberVector: TextParser = (v) => (v === '' ? [] : v.split(' ').map(Number));
const arrayOf =
  (element: TextParser): TextParser =>
  (v) =>
    parseArrayLiteral(v, element);

/**
 * Type OIDs whose parsing both drivers override, so that `pg` and PGlite return the same JS values.
 * Conventions (documented on {@link Database}):
 * - int2, int4, oid, float4, float8 → number; int8 and numeric → string (exact: sequence bounds
 *   such as 9223372036854775807 do not fit a double; PGlite would otherwise return number/bigint);
 * - int2vector, oidvector → number[];
 * - date/time types and interval → the server's text (pg would give Date / interval objects,
 *   PGlite Date / string, and neither round-trips exactly);
 * - arrays of the types above, of text-like types, name, "char", aclitem and the reg* types →
 *   JS arrays (pg alone leaves name[], "char"[], aclitem[] and reg*[] as unparsed literals).
 * Everything else keeps each driver's default (bool, text, json agree already).
 */
const SCALARS: Record<number, TextParser> = {
  16: asBool, // bool
  18: asString, // "char"
  19: asString, // name
  20: asString, // int8
  21: asNumber, // int2
  22: asNumberVector, // int2vector
  23: asNumber, // int4
  25: asString, // text
  26: asNumber, // oid
  30: asNumberVector, // oidvector
  700: asNumber, // float4
  701: asNumber, // float8
  1033: asString, // aclitem
  1042: asString, // bpchar
  1043: asString, // varchar
  1082: asString, // date
  1083: asString, // time
  1114: asString, // timestamp
  1184: asString, // timestamptz
  1186: asString, // interval
  1266: asString, // timetz
  1700: asString, // numeric
  2950: asString, // uuid
};

/** Array type OID → element type OID, for the arrays normalized to JS arrays. */
const ARRAYS: Record<number, number> = {
  1000: 16, // bool[]
  1002: 18, // "char"[]
  1003: 19, // name[]
  1005: 21, // int2[]
  1006: 22, // int2vector[]
  1007: 23, // int4[]
  1009: 25, // text[]
  1013: 30, // oidvector[]
  1014: 1042, // bpchar[]
  1015: 1043, // varchar[]
  1016: 20, // int8[]
  1021: 700, // float4[]
  1022: 701, // float8[]
  1028: 26, // oid[]
  1034: 1033, // aclitem[]
  1182: 1082, // date[]
  1183: 1083, // time[]
  1115: 1114, // timestamp[]
  1185: 1184, // timestamptz[]
  1187: 1186, // interval[]
  1270: 1266, // timetz[]
  1231: 1700, // numeric[]
  2951: 2950, // uuid[]
  1008: 25, // regproc[]
  2207: 25, // regprocedure[]
  2208: 25, // regoper[]
  2209: 25, // regoperator[]
  2210: 25, // regclass[]
  2211: 25, // regtype[]
  4090: 25, // regnamespace[]
  4097: 25, // regrole[]
  4192: 25, // regcollation[]
  3735: 25, // regconfig[]
  3770: 25, // regdictionary[]
};

/** The shared text-format parsers, keyed by type OID. */
export const TEXT_PARSERS: Readonly<Record<number, TextParser>> = Object.freeze({
  ...SCALARS,
  ...Object.fromEntries(
    Object.entries(ARRAYS).map(([oid, elem]) => [Number(oid), arrayOf(SCALARS[elem] ?? asString)]),
  ),
});
