/**
 * SQLAlchemy column types and how the PostgreSQL dialect's type compiler spells them
 * (PGTypeCompiler): `DateTime` is TIMESTAMP WITHOUT TIME ZONE, `String` without a length is a
 * bare VARCHAR, `Float(p)` keeps its precision, native enums print their type name.
 */
import { quoteIdent } from '../../model/names.js';
import { EvalError } from './builtins.js';
import { isSqlRunner } from './emitter.js';
import { NativeFunction, Opaque, PyList, PyObject, typeName, type CallArgs, type PyValue } from './py-values.js';

/** What kind of value a type stores, where SQLAlchemy's rules depend on it (SERIAL, enums). */
export type TypeAffinity = 'integer' | 'smallint' | 'bigint' | 'other';

/** A native PostgreSQL enum a column type refers to. */
export interface EnumInfo {
  readonly name: string;
  readonly schema?: string;
  readonly values: readonly string[];
  /** `create_type=False` on postgresql.ENUM: the migration creates the type itself. */
  readonly createType: boolean;
}

/** An instantiated type: its SQL spelling on PostgreSQL and what the DDL rules need to know. */
export class SaType extends PyObject {
  constructor(readonly cls: string, readonly sql: string, readonly affinity: TypeAffinity, readonly enumInfo?: EnumInfo) {
    super();
  }
  describe(): string {
    return `sa.${this.cls}()`;
  }
  /** `enum_type.create(bind)` / `.drop(bind)`: CREATE TYPE / DROP TYPE on the migration's connection. */
  override getattr(name: string): PyValue | undefined {
    const e = this.enumInfo;
    if (!e || (name !== 'create' && name !== 'drop')) return undefined;
    return new NativeFunction(`${this.cls}.${name}`, (a, line) => {
      const bind = a.positional[0] ?? a.keywords.get('bind');
      if (!isSqlRunner(bind)) throw new EvalError(`${this.cls}.${name}() needs op.get_bind()`);
      const checkfirst = a.keywords.get('checkfirst') ?? a.positional[1];
      if (name === 'drop') bind.runSql(line, `DROP TYPE ${checkfirst === true ? 'IF EXISTS ' : ''}${enumTypeSql(e)}`);
      // checkfirst: created unless this run already created it (by create_table or an earlier checkfirst create).
      else bind.runSql(line, enumCreateSql(e), checkfirst === true ? enumOnceKey(e) : undefined);
      return null;
    });
  }
}

/** The run-once key of a native enum's creation (see EmittedStatement.once). */
export function enumOnceKey(e: EnumInfo): string {
  return `enum ${e.schema ?? ''}.${e.name}`;
}

/** `[schema.]name` of a native enum. */
export function enumTypeSql(e: EnumInfo): string {
  return (e.schema ? quoteIdent(e.schema) + '.' : '') + quoteIdent(e.name);
}

/** `CREATE TYPE name AS ENUM (...)`, as SQLAlchemy's CreateEnumType writes it. */
export function enumCreateSql(e: EnumInfo): string {
  return `CREATE TYPE ${enumTypeSql(e)} AS ENUM (${e.values.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ')})`;
}

function arg(a: CallArgs, i: number, name: string): PyValue | undefined {
  return a.keywords.get(name) ?? a.positional[i];
}

function optInt(a: CallArgs, i: number, name: string): number | null {
  const v = arg(a, i, name);
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number') throw new EvalError(`${name} must be an int, got ${typeName(v)}`);
  return v;
}

function flag(a: CallArgs, i: number, name: string, dflt: boolean): boolean {
  const v = arg(a, i, name);
  return v === undefined || v === null ? dflt : v === true || (typeof v === 'number' && v !== 0);
}

const len = (base: string) => (a: CallArgs) => {
  const n = optInt(a, 0, 'length');
  const coll = arg(a, 1, 'collation');
  return `${base}${n === null ? '' : `(${n})`}${typeof coll === 'string' ? ` COLLATE "${coll}"` : ''}`;
};
const fixed = (sql: string) => () => sql;
const tz = (base: string) => (a: CallArgs) => {
  const p = optInt(a, 1, 'precision');
  return `${base}${p === null ? '' : `(${p})`} ${flag(a, 0, 'timezone', false) ? 'WITH' : 'WITHOUT'} TIME ZONE`;
};
const numeric = (base: string) => (a: CallArgs) => {
  const p = optInt(a, 0, 'precision');
  const s = optInt(a, 1, 'scale');
  return p === null ? base : s === null ? `${base}(${p})` : `${base}(${p}, ${s})`;
};

/** Type class name -> its PostgreSQL spelling for the given constructor arguments. */
const RENDER: Record<string, (a: CallArgs) => string> = {
  Integer: fixed('INTEGER'), INTEGER: fixed('INTEGER'), INT: fixed('INTEGER'),
  SmallInteger: fixed('SMALLINT'), SMALLINT: fixed('SMALLINT'),
  BigInteger: fixed('BIGINT'), BIGINT: fixed('BIGINT'),
  String: len('VARCHAR'), VARCHAR: len('VARCHAR'), Unicode: len('VARCHAR'), NVARCHAR: len('NVARCHAR'),
  AutoString: len('VARCHAR'),
  CHAR: len('CHAR'), NCHAR: len('NCHAR'),
  Text: fixed('TEXT'), TEXT: fixed('TEXT'), UnicodeText: fixed('TEXT'),
  Boolean: fixed('BOOLEAN'), BOOLEAN: fixed('BOOLEAN'),
  DateTime: tz('TIMESTAMP'), DATETIME: tz('TIMESTAMP'), TIMESTAMP: tz('TIMESTAMP'),
  Time: tz('TIME'), TIME: tz('TIME'),
  Date: fixed('DATE'), DATE: fixed('DATE'),
  Interval: fixed('INTERVAL'),
  INTERVAL: (a) => {
    const fields = a.keywords.get('fields');
    const p = optInt(a, 0, 'precision');
    return `INTERVAL${typeof fields === 'string' ? ` ${fields}` : ''}${p === null ? '' : ` (${p})`}`;
  },
  Float: (a) => { const p = optInt(a, 0, 'precision'); return p === null ? 'FLOAT' : `FLOAT(${p})`; },
  FLOAT: (a) => { const p = optInt(a, 0, 'precision'); return p === null ? 'FLOAT' : `FLOAT(${p})`; },
  REAL: fixed('REAL'), Double: fixed('DOUBLE PRECISION'), DOUBLE: fixed('DOUBLE PRECISION'), DOUBLE_PRECISION: fixed('DOUBLE PRECISION'),
  Numeric: numeric('NUMERIC'), NUMERIC: numeric('NUMERIC'), DECIMAL: numeric('DECIMAL'),
  LargeBinary: fixed('BYTEA'), BYTEA: fixed('BYTEA'), BLOB: fixed('BYTEA'), PickleType: fixed('BYTEA'),
  JSON: fixed('JSON'), JSONB: fixed('JSONB'), UUID: fixed('UUID'), Uuid: fixed('UUID'),
  TSVECTOR: fixed('TSVECTOR'), TSQUERY: fixed('TSQUERY'), INET: fixed('INET'), CIDR: fixed('CIDR'), CITEXT: fixed('CITEXT'),
  MACADDR: fixed('MACADDR'), MACADDR8: fixed('MACADDR8'), MONEY: fixed('MONEY'), OID: fixed('OID'), REGCLASS: fixed('REGCLASS'),
  REGCONFIG: fixed('REGCONFIG'), HSTORE: fixed('HSTORE'),
  INT4RANGE: fixed('INT4RANGE'), INT8RANGE: fixed('INT8RANGE'), NUMRANGE: fixed('NUMRANGE'), DATERANGE: fixed('DATERANGE'),
  TSRANGE: fixed('TSRANGE'), TSTZRANGE: fixed('TSTZRANGE'),
  BIT: (a) => { const n = optInt(a, 0, 'length'); return flag(a, 1, 'varying', false) ? (n === null ? 'BIT VARYING' : `BIT VARYING(${n})`) : `BIT(${n ?? 1})`; },
};

const AFFINITY: Record<string, TypeAffinity> = {
  Integer: 'integer', INTEGER: 'integer', INT: 'integer',
  SmallInteger: 'smallint', SMALLINT: 'smallint',
  BigInteger: 'bigint', BIGINT: 'bigint',
};

/** The type classes this module knows, by class name. */
export const TYPE_NAMES: ReadonlySet<string> = new Set([...Object.keys(RENDER), 'ARRAY', 'Enum', 'ENUM']);

function enumType(cls: string, a: CallArgs): SaType {
  const values: string[] = [];
  for (const v of a.positional) {
    if (typeof v === 'string') values.push(v);
    else if (v instanceof PyList) values.push(...v.items.map((x) => (typeof x === 'string' ? x : String(x))));
    else throw new EvalError(`enum values must be strings; got ${v instanceof Opaque ? v.what : typeName(v)} (map app enums in schema-sync.json alembic.types)`);
  }
  const name = a.keywords.get('name');
  const native = a.keywords.get('native_enum');
  if (native === false) {
    if (a.keywords.get('create_constraint') === true) throw new EvalError('Enum(native_enum=False, create_constraint=True) adds a CHECK constraint schema-sync does not write; override this revision with a .sql file');
    const n = (a.keywords.get('length') as number | undefined) ?? Math.max(0, ...values.map((v) => v.length));
    return new SaType(cls, `VARCHAR(${n})`, 'other');
  }
  if (typeof name !== 'string') throw new EvalError('a PostgreSQL enum type needs name=');
  const schema = a.keywords.get('schema');
  const createType = a.keywords.get('create_type');
  const info: EnumInfo = { name, ...(typeof schema === 'string' ? { schema } : {}), values, createType: createType === undefined ? true : createType === true };
  return new SaType(cls, enumTypeSql(info), 'other', info);
}

/** Builds the type `cls(args)`; `cls` is a name from TYPE_NAMES. */
export function makeType(cls: string, a: CallArgs): SaType {
  if (cls === 'ARRAY') {
    const item = asType(a.positional[0] ?? a.keywords.get('item_type') ?? null);
    const dims = optInt(a, 2, 'dimensions') ?? 1;
    // An ARRAY of a native enum still creates the enum with its table (SQLAlchemy 1.3.17+).
    return new SaType(cls, item.sql + '[]'.repeat(dims), 'other', item.enumInfo);
  }
  if (cls === 'Enum' || cls === 'ENUM') return enumType(cls, a);
  return new SaType(cls, RENDER[cls]!(a), AFFINITY[cls] ?? 'other');
}

/** A type class used as a value (`sa.Integer`): calling it builds an instance. */
export class SaTypeClass extends PyObject {
  constructor(readonly cls: string, private readonly build: (a: CallArgs) => SaType = (a) => makeType(cls, a)) {
    super();
  }
  describe(): string {
    return `sa.${this.cls}`;
  }
  override call(a: CallArgs): PyValue {
    return this.build(a);
  }
  instance(): SaType {
    return this.build({ positional: [], keywords: new Map() });
  }
}

/** A type argument as SQLAlchemy accepts it: an instance, or a class used bare. */
export function asType(v: PyValue): SaType {
  if (v instanceof SaType) return v;
  if (v instanceof SaTypeClass) return v.instance();
  throw new EvalError(`expected a column type, got ${v instanceof Opaque ? `${v.what} (map it in schema-sync.json alembic.types)` : typeName(v)}`);
}
