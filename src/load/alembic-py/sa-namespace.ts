/**
 * The names revision files import: `sqlalchemy` (and its submodules, `sqlalchemy.dialects.postgresql`),
 * sqlmodel's `AutoString`, and everything else as app code. SQLAlchemy data-side constructs
 * (`sa.table`, `sa.select`, `MetaData`, `inspect`) are Opaque: only data code uses them.
 */
import { EvalError } from './builtins.js';
import { NativeFunction, Opaque, PyObject, typeName, type CallArgs, type PyValue } from './py-values.js';
import { ColumnExtra, SqlExpr, textClauseSql, makeCheck, makeColumn, makeForeignKey, makeForeignKeyConstraint, makeIndex, makePrimaryKey, makeUnique, sqlOf } from './sa-schema.js';
import { quoteIdent } from '../../model/names.js';
import { SaTypeClass, TYPE_NAMES } from './sa-types.js';

/** SQL functions SQLAlchemy writes without parentheses (ANSI niladic functions). */
const NILADIC = new Set(['current_timestamp', 'current_date', 'current_time', 'localtime', 'localtimestamp', 'current_user', 'session_user', 'user', 'current_role']);

/** `sa.func.<name>(...)`. */
class FuncNamespace extends PyObject {
  describe(): string {
    return 'sa.func';
  }
  override getattr(name: string): PyValue {
    return new NativeFunction(`sa.func.${name}`, (a) => {
      if (NILADIC.has(name.toLowerCase()) && a.positional.length === 0) return new SqlExpr(name.toUpperCase());
      return new SqlExpr(`${name}(${a.positional.map((v) => sqlOf(v, `func.${name}()`)).join(', ')})`);
    });
  }
}

/** `sa.Sequence(name, ...)`, used with CreateSequence / DropSequence. */
class SequenceValue extends PyObject {
  constructor(readonly name: string, readonly schema: string | null, readonly options: string) {
    super();
  }
  describe(): string {
    return 'sa.Sequence';
  }
}

function seqRef(s: SequenceValue): string {
  return (s.schema ? quoteIdent(s.schema) + '.' : '') + quoteIdent(s.name);
}

function fn(name: string, impl: (a: CallArgs) => PyValue): NativeFunction {
  return new NativeFunction(name, impl);
}

const textArg = (name: string) => (a: CallArgs) => {
  const t = a.positional[0] ?? a.keywords.get('text') ?? null;
  if (typeof t !== 'string') throw new EvalError(`${name}() needs a string, got ${t instanceof Opaque ? t.what : typeName(t)}`);
  return new SqlExpr(name === 'text' ? textClauseSql(t) : t);
};

const identity = (a: CallArgs): ColumnExtra => {
  const opts: string[] = [];
  const num = (k: string, sql: string) => {
    const v = a.keywords.get(k);
    if (typeof v === 'number') opts.push(`${sql} ${v}`);
  };
  num('start', 'START WITH');
  num('increment', 'INCREMENT BY');
  num('minvalue', 'MINVALUE');
  num('maxvalue', 'MAXVALUE');
  num('cache', 'CACHE');
  if (a.keywords.get('cycle') === true) opts.push('CYCLE');
  return new ColumnExtra({ always: a.keywords.get('always') === true, options: opts.join(' ') }, null);
};

/** Members of `sqlalchemy` and its submodules that build schema. */
const MEMBERS: Record<string, PyValue> = {
  Column: fn('sa.Column', makeColumn),
  ForeignKey: fn('sa.ForeignKey', makeForeignKey),
  PrimaryKeyConstraint: fn('sa.PrimaryKeyConstraint', makePrimaryKey),
  UniqueConstraint: fn('sa.UniqueConstraint', makeUnique),
  CheckConstraint: fn('sa.CheckConstraint', makeCheck),
  ForeignKeyConstraint: fn('sa.ForeignKeyConstraint', makeForeignKeyConstraint),
  Index: fn('sa.Index', makeIndex),
  text: fn('sa.text', textArg('text')),
  literal_column: fn('sa.literal_column', textArg('literal_column')),
  DDL: fn('sa.DDL', textArg('DDL')),
  true: fn('sa.true', () => new SqlExpr('true')),
  false: fn('sa.false', () => new SqlExpr('false')),
  null: fn('sa.null', () => new SqlExpr('NULL')),
  func: new FuncNamespace(),
  Identity: fn('sa.Identity', identity),
  Computed: fn('sa.Computed', (a) => {
    const t = a.positional[0] ?? null;
    return new ColumnExtra(null, t instanceof SqlExpr ? t.sql : typeof t === 'string' ? t : (() => { throw new EvalError('Computed needs SQL text'); })());
  }),
  Sequence: fn('sa.Sequence', (a) => {
    const n = a.positional[0];
    if (typeof n !== 'string') throw new EvalError('Sequence needs a name');
    const schema = a.keywords.get('schema');
    return new SequenceValue(n, typeof schema === 'string' ? schema : null, '');
  }),
  DropSequence: fn('sa.schema.DropSequence', (a) => {
    const s = a.positional[0];
    if (!(s instanceof SequenceValue)) throw new EvalError('DropSequence needs a Sequence');
    return new SqlExpr(`DROP SEQUENCE ${seqRef(s)}`);
  }),
  CreateSequence: fn('sa.schema.CreateSequence', (a) => {
    const s = a.positional[0];
    if (!(s instanceof SequenceValue)) throw new EvalError('CreateSequence needs a Sequence');
    return new SqlExpr(`CREATE SEQUENCE ${seqRef(s)}`);
  }),
};

/** Data-side SQLAlchemy names: using them is data code, never schema. */
const DATA_SIDE = new Set([
  'MetaData', 'Table', 'table', 'column', 'select', 'update', 'insert', 'delete', 'inspect', 'and_', 'or_', 'not_',
  'bindparam', 'case', 'cast', 'exists', 'literal', 'orm', 'engine', 'exc', 'event', 'create_engine', 'Session', 'sessionmaker',
]);

/** A module of sqlalchemy (any submodule path resolves to the same members). */
export class SqlAlchemyModule extends PyObject {
  constructor(readonly path: string) {
    super();
  }
  describe(): string {
    return this.path;
  }
  override getattr(name: string): PyValue | undefined {
    return sqlalchemyMember(this.path, name);
  }
  /** A lower-case name is read as a submodule; called, it is a helper schema-sync does not model (data-side). */
  override call(): PyValue {
    return new Opaque(`${this.path}(...)`);
  }
}

/** Resolves `from <sqlalchemy path> import name` / `sa.<name>`. */
export function sqlalchemyMember(path: string, name: string): PyValue | undefined {
  if (TYPE_NAMES.has(name)) return new SaTypeClass(name);
  if (name in MEMBERS) return MEMBERS[name];
  if (DATA_SIDE.has(name)) return new Opaque(`${path}.${name}`);
  if (/^[a-z_]+$/.test(name)) return new SqlAlchemyModule(`${path}.${name}`); // submodules: sa.schema, sa.types, sa.dialects
  return undefined;
}

/** sqlmodel's string type: a String TypeDecorator, VARCHAR on PostgreSQL. */
export class SqlModelModule extends PyObject {
  constructor(readonly path: string) {
    super();
  }
  describe(): string {
    return this.path;
  }
  override getattr(name: string): PyValue {
    if (name === 'AutoString') return new SaTypeClass('AutoString');
    return new SqlModelModule(`${this.path}.${name}`);
  }
}
