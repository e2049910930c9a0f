import { type AstNode, strList } from './libpg.js';
import type { TypeRef } from './ddl.js';

/**
 * Internal type name -> PostgreSQL's `format_type` spelling. The grammar turns SQL-standard
 * spellings into internal names (`VARCHAR` -> pg_catalog.varchar), users also write the internal
 * names directly (`int4`, `timestamptz`); both land here.
 */
const BUILTIN: Record<string, string> = {
  int2: 'smallint', smallint: 'smallint',
  int4: 'integer', int: 'integer', integer: 'integer',
  int8: 'bigint', bigint: 'bigint',
  float4: 'real', real: 'real',
  float8: 'double precision',
  numeric: 'numeric', decimal: 'numeric',
  bool: 'boolean', boolean: 'boolean',
  varchar: 'character varying',
  bpchar: 'character',
  char: '"char"',
  text: 'text', name: 'name', bytea: 'bytea',
  json: 'json', jsonb: 'jsonb', jsonpath: 'jsonpath', uuid: 'uuid', xml: 'xml',
  date: 'date',
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  time: 'time without time zone',
  timetz: 'time with time zone',
  interval: 'interval',
  inet: 'inet', cidr: 'cidr', macaddr: 'macaddr', macaddr8: 'macaddr8', money: 'money',
  bit: 'bit', varbit: 'bit varying',
  tsvector: 'tsvector', tsquery: 'tsquery',
  oid: 'oid', regclass: 'regclass', regtype: 'regtype', regproc: 'regproc', regconfig: 'regconfig',
  point: 'point', line: 'line', lseg: 'lseg', box: 'box', path: 'path', polygon: 'polygon', circle: 'circle',
  int4range: 'int4range', int8range: 'int8range', numrange: 'numrange', tsrange: 'tsrange',
  tstzrange: 'tstzrange', daterange: 'daterange',
  int4multirange: 'int4multirange', int8multirange: 'int8multirange', nummultirange: 'nummultirange',
  tsmultirange: 'tsmultirange', tstzmultirange: 'tstzmultirange', datemultirange: 'datemultirange',
  pg_lsn: 'pg_lsn', txid_snapshot: 'txid_snapshot', pg_snapshot: 'pg_snapshot',
  void: 'void', trigger: 'trigger', record: 'record', event_trigger: 'event_trigger',
  anyelement: 'anyelement', anyarray: 'anyarray', anyenum: 'anyenum', cstring: 'cstring', internal: 'internal',
};

/** The internal (pg_catalog) name of each builtin spelling, for canonical casts inside expressions. */
const INTERNAL: Record<string, string> = {
  smallint: 'int2', integer: 'int4', int: 'int4', bigint: 'int8', real: 'float4',
  decimal: 'numeric', boolean: 'bool', 'double precision': 'float8',
};

const SERIAL: Record<string, 'smallint' | 'integer' | 'bigint'> = {
  smallserial: 'smallint', serial2: 'smallint', serial: 'integer', serial4: 'integer',
  bigserial: 'bigint', serial8: 'bigint',
};

// Time types put the precision inside the name: timestamp(3) with time zone.
const PRECISION_INSIDE = new Set(['timestamp', 'timestamptz', 'time', 'timetz']);

function typmodText(typmods: AstNode[] | undefined): string[] {
  return (typmods ?? []).map((m: AstNode) => {
    const c = m.A_Const;
    if (c?.ival !== undefined) return String(c.ival.ival ?? 0);
    if (c?.sval !== undefined) return String(c.sval.sval ?? '');
    if (c?.fval !== undefined) return String(c.fval.fval ?? '');
    if (m.ColumnRef) return strList(m.ColumnRef.fields).join('.');
    return '?';
  });
}

/** Is this (unqualified or pg_catalog) type name a builtin we know how to spell? */
export function isBuiltinTypeName(names: readonly string[]): boolean {
  const last = names[names.length - 1] ?? '';
  return (names.length === 1 || names[0] === 'pg_catalog') && last in BUILTIN;
}

/** Builtin spelling of an internal type with typmods, exactly as `format_type` prints it. */
export function formatBuiltin(internal: string, mods: string[]): string {
  let base = BUILTIN[internal] ?? internal;
  if (internal === 'float8' && mods.length) mods = [];
  if (internal === 'interval' && mods.length) {
    // Interval typmods encode a field mask; only the precision form is common enough to spell.
    return mods.length === 2 && mods[0] === '32767' ? `interval(${mods[1]})` : 'interval';
  }
  if (!mods.length) return base;
  // numeric(p) is numeric(p,0): format_type always prints the scale.
  if (internal === 'numeric' && mods.length === 1) mods = [mods[0]!, '0'];
  if (PRECISION_INSIDE.has(internal)) {
    const [head, ...rest] = base.split(' ');
    return [`${head}(${mods.join(',')})`, ...rest].join(' ');
  }
  return `${base}(${mods.join(',')})`;
}

/** Lowers a libpg-query TypeName node; user types stay unresolved for the replay to qualify. */
export function lowerTypeName(tn: AstNode): TypeRef {
  const names = strList(tn.names);
  const arrayDims = (tn.arrayBounds ?? []).length;
  const mods = typmodText(tn.typmods);
  const last = names[names.length - 1] ?? '';
  if (arrayDims === 0 && names.length === 1 && last in SERIAL) return { kind: 'serial', base: SERIAL[last]! };
  if (isBuiltinTypeName(names)) {
    let internal = last;
    // float(p): 1..24 is real, 25..53 is double precision.
    if (internal === 'float4' || internal === 'float8') {
      if (mods.length === 1) internal = Number(mods[0]) <= 24 ? 'float4' : 'float8';
      return { kind: 'builtin', text: formatBuiltin(internal, []) + (arrayDims ? '[]' : '') };
    }
    if (internal === 'float' && names.length === 1) internal = 'float8';
    return { kind: 'builtin', text: formatBuiltin(internal, mods) + (arrayDims ? '[]' : '') };
  }
  const ref = names.length >= 2 ? { schema: names[names.length - 2]!, name: last } : { name: last };
  return { kind: 'user', ref, typmods: mods.length ? `(${mods.join(',')})` : '', arrayDims };
}

/** Canonical pg_catalog name for a builtin spelling inside casts (`integer` -> `int4`). */
export function internalTypeName(name: string): string {
  return INTERNAL[name] ?? name;
}
