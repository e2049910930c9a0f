/**
 * SQLAlchemy schema constructs as the interpreter builds them from `sa.Column(...)`,
 * `sa.ForeignKey(...)`, `sa.UniqueConstraint(...)` and friends. Constraints carry a creation
 * number because SQLAlchemy orders a CREATE TABLE's constraints by creation, and those a column
 * implies (`unique=True`, `ForeignKey`) are created only when the table is built.
 */
import { quoteIdent } from '../../model/names.js';
import { EvalError } from './builtins.js';
import { Opaque, PyList, PyObject, typeName, type CallArgs, type PyValue } from './py-values.js';
import { asType, type SaType } from './sa-types.js';

/** A piece of SQL text: `sa.text(...)`, `sa.func.now()`, `sa.literal_column(...)`, `sa.false()`. */
export class SqlExpr extends PyObject {
  constructor(readonly sql: string) {
    super();
  }
  describe(): string {
    return 'SQL expression';
  }
}

/**
 * The SQL of a `text()` construct as SQLAlchemy compiles it: `\:` (an escaped bind marker)
 * becomes `:`. Alembic wraps op.execute strings, and alembic_utils its statements, in text() too.
 */
export function textClauseSql(text: string): string {
  return text.replace(/\\(:[\w$]*)(?![:\w$])/g, '$1');
}

/** `op.f(name)`: a name used exactly as given, never passed through a naming convention. */
export class ConvName extends PyObject {
  constructor(readonly value: string) {
    super();
  }
  describe(): string {
    return 'op.f(name)';
  }
}

/** A constraint or index name as given: plain, op.f(), or none (PostgreSQL or the convention names it). */
export type ObjectName = string | ConvName | null;

let creation = 0;
/** SQLAlchemy's `_creation_order`: a global counter. */
export function nextCreation(): number {
  return ++creation;
}

/** DEFERRABLE / INITIALLY of a constraint. */
export interface ConstraintOptions {
  readonly deferrable?: boolean;
  readonly initially?: string;
  /** `postgresql_not_valid=True`: added without checking existing rows. */
  readonly notValid?: boolean;
}

/** `sa.ForeignKey(...)` on a column; it becomes a table constraint when the table is built. */
export class SaForeignKey extends PyObject {
  constructor(
    readonly target: string,
    readonly name: ObjectName,
    readonly ondelete: string | null,
    readonly onupdate: string | null,
    readonly options: ConstraintOptions,
    readonly match: string | null,
    readonly useAlter = false,
  ) {
    super();
  }
  describe(): string {
    return 'sa.ForeignKey';
  }
}

/** A table constraint, with SQLAlchemy's creation order. */
export type SaConstraint =
  | { readonly kind: 'primary key'; readonly name: ObjectName; readonly columns: readonly string[]; readonly order: number; readonly options: ConstraintOptions }
  | { readonly kind: 'unique'; readonly name: ObjectName; readonly columns: readonly string[]; readonly order: number; readonly options: ConstraintOptions; readonly nullsNotDistinct: boolean }
  | { readonly kind: 'check'; readonly name: ObjectName; readonly sql: string; readonly order: number; readonly options: ConstraintOptions }
  | {
      readonly kind: 'foreign key';
      readonly name: ObjectName;
      readonly columns: readonly string[];
      readonly refTable: string;
      readonly refSchema?: string;
      readonly refColumns: readonly string[];
      readonly ondelete: string | null;
      readonly onupdate: string | null;
      readonly match: string | null;
      readonly order: number;
      readonly options: ConstraintOptions;
      /** `use_alter=True`: left out of CREATE TABLE (SQLAlchemy adds it later only in create_all). */
      readonly useAlter?: boolean;
    };

/** A constraint object as a Python value (an argument of create_table). */
export class ConstraintValue extends PyObject {
  constructor(readonly c: SaConstraint) {
    super();
  }
  describe(): string {
    return `sa.${this.c.kind} constraint`;
  }
}

/** One column of an index: a column name or an SQL expression. */
export type IndexElement = { readonly column: string } | { readonly expr: string };

/** `sa.Index(...)`, or the index an `index=True` column or op.create_index makes. */
export class SaIndex extends PyObject {
  constructor(
    readonly name: ObjectName,
    readonly elements: readonly IndexElement[],
    readonly unique: boolean,
    readonly dialect: ReadonlyMap<string, PyValue>,
  ) {
    super();
  }
  describe(): string {
    return 'sa.Index';
  }
}

/** `sa.Identity(...)`: GENERATED ALWAYS / BY DEFAULT AS IDENTITY and its sequence options. */
export interface IdentitySpec {
  readonly always: boolean;
  readonly options: string;
}

/** `sa.Column(...)` with SQLAlchemy's defaults filled in. */
export class SaColumn extends PyObject {
  constructor(
    readonly name: string,
    readonly type: SaType,
    readonly primaryKey: boolean,
    readonly nullable: boolean,
    readonly unique: boolean,
    readonly index: boolean,
    readonly serverDefault: string | null,
    readonly hasClientDefault: boolean,
    readonly autoincrement: 'auto' | 'ignore_fk' | boolean,
    readonly comment: string | null,
    readonly foreignKeys: readonly SaForeignKey[],
    readonly checks: readonly SaConstraint[],
    readonly identity: IdentitySpec | null,
    readonly computed: string | null,
  ) {
    super();
  }
  describe(): string {
    return `sa.Column(${this.name})`;
  }
}

/** `sa.Identity(...)` / `sa.Computed(...)` as column arguments. */
export class ColumnExtra extends PyObject {
  constructor(readonly identity: IdentitySpec | null, readonly computed: string | null) {
    super();
  }
  describe(): string {
    return this.identity ? 'sa.Identity' : 'sa.Computed';
  }
}

/** How a value is written as SQL where SQLAlchemy renders a literal (defaults, function args). */
export function sqlOf(v: PyValue, what: string): string {
  if (v instanceof SqlExpr) return v.sql;
  if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`; // standard_conforming_strings: backslashes stay
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'NULL';
  throw new EvalError(`cannot write ${v instanceof Opaque ? v.what : typeName(v)} as SQL in ${what}`);
}

/** `server_default=`: a string is a quoted literal, a text()/func construct is SQL as is. */
export function serverDefaultSql(v: PyValue): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
  if (v instanceof SqlExpr) return v.sql;
  throw new EvalError(`server_default must be a string or an SQL construct, got ${v instanceof Opaque ? v.what : typeName(v)}`);
}

function nameArg(v: PyValue | undefined): ObjectName {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || v instanceof ConvName) return v;
  throw new EvalError(`a constraint name must be a string, got ${typeName(v)}`);
}

function strings(vs: readonly PyValue[], what: string): string[] {
  return vs.flatMap((v) => {
    if (typeof v === 'string') return [v];
    if (v instanceof SaColumn) return [v.name];
    if (v instanceof PyList) return strings(v.items, what);
    throw new EvalError(`${what} must be column names, got ${v instanceof Opaque ? v.what : typeName(v)}`);
  });
}

function options(a: CallArgs): ConstraintOptions {
  const d = a.keywords.get('deferrable');
  const i = a.keywords.get('initially');
  return {
    ...(typeof d === 'boolean' ? { deferrable: d } : {}), ...(typeof i === 'string' ? { initially: i } : {}),
    ...(a.keywords.get('postgresql_not_valid') === true ? { notValid: true } : {}),
  };
}

function optString(v: PyValue | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

/** `sa.ForeignKey('table.col', ondelete=..., name=...)`. */
export function makeForeignKey(a: CallArgs): SaForeignKey {
  const target = a.positional[0];
  if (typeof target !== 'string') throw new EvalError(`ForeignKey needs a "table.column" string, got ${typeName(target ?? null)}`);
  return new SaForeignKey(
    target, nameArg(a.keywords.get('name')), optString(a.keywords.get('ondelete')), optString(a.keywords.get('onupdate')), options(a),
    optString(a.keywords.get('match')), a.keywords.get('use_alter') === true,
  );
}

/** Splits a ForeignKey target `[schema.]table.column`. */
export function splitTarget(target: string): { schema?: string; table: string; column: string } {
  const parts = target.split('.');
  if (parts.length === 2) return { table: parts[0]!, column: parts[1]! };
  if (parts.length === 3) return { schema: parts[0]!, table: parts[1]!, column: parts[2]! };
  throw new EvalError(`cannot read the ForeignKey target ${target}`);
}

/** `sa.PrimaryKeyConstraint(*columns, name=...)`. */
export function makePrimaryKey(a: CallArgs): ConstraintValue {
  return new ConstraintValue({ kind: 'primary key', name: nameArg(a.keywords.get('name')), columns: strings(a.positional, 'PrimaryKeyConstraint columns'), order: nextCreation(), options: options(a) });
}

/** `sa.UniqueConstraint(*columns, name=..., postgresql_nulls_not_distinct=...)`. */
export function makeUnique(a: CallArgs): ConstraintValue {
  return new ConstraintValue({
    kind: 'unique', name: nameArg(a.keywords.get('name')), columns: strings(a.positional, 'UniqueConstraint columns'), order: nextCreation(), options: options(a),
    nullsNotDistinct: a.keywords.get('postgresql_nulls_not_distinct') === true,
  });
}

/** `sa.CheckConstraint(sqltext, name=...)`. */
export function makeCheck(a: CallArgs): ConstraintValue {
  const text = a.positional[0] ?? a.keywords.get('sqltext') ?? null;
  const sql = text instanceof SqlExpr ? text.sql : typeof text === 'string' ? text : null;
  if (sql === null) throw new EvalError(`CheckConstraint needs SQL text, got ${typeName(text)}`);
  return new ConstraintValue({ kind: 'check', name: nameArg(a.keywords.get('name') ?? a.positional[1]), sql, order: nextCreation(), options: options(a) });
}

/** `sa.ForeignKeyConstraint([columns], ["table.column", ...], ...)`. */
export function makeForeignKeyConstraint(a: CallArgs): ConstraintValue {
  const [cols, refs] = a.positional;
  const columns = strings([cols ?? null], 'ForeignKeyConstraint columns');
  const targets = strings([refs ?? null], 'ForeignKeyConstraint referred columns').map(splitTarget);
  return new ConstraintValue({
    kind: 'foreign key', name: nameArg(a.keywords.get('name')), columns,
    refTable: targets[0]!.table, ...(targets[0]!.schema ? { refSchema: targets[0]!.schema } : {}),
    refColumns: targets.map((t) => t.column),
    ondelete: optString(a.keywords.get('ondelete')), onupdate: optString(a.keywords.get('onupdate')), match: optString(a.keywords.get('match')),
    order: nextCreation(), options: options(a), ...(a.keywords.get('use_alter') === true ? { useAlter: true } : {}),
  });
}

/** `sa.Index(name, *columns_or_expressions, unique=..., postgresql_*=...)`. */
export function makeIndex(a: CallArgs): SaIndex {
  const [name, ...cols] = a.positional;
  for (const k of a.keywords.keys()) {
    if (k !== 'unique' && k !== 'info' && !['postgresql_using', 'postgresql_where', 'postgresql_include', 'postgresql_ops', 'postgresql_concurrently', 'postgresql_nulls_not_distinct'].includes(k)) {
      throw new EvalError(`sa.Index() got the argument ${k}=, which schema-sync does not interpret`);
    }
  }
  const dialect = new Map([...a.keywords].filter(([k]) => k.startsWith('postgresql_')));
  return new SaIndex(nameArg(name), indexElements(cols), a.keywords.get('unique') === true, dialect);
}

/** Index columns: a string is always a column name (Alembic quotes `lower(x)` as a name); text() is an expression. */
export function indexElements(vs: readonly PyValue[]): IndexElement[] {
  return vs.flatMap((v): IndexElement[] => {
    if (v instanceof PyList) return indexElements(v.items);
    if (typeof v === 'string') return [{ column: v }];
    if (v instanceof SaColumn) return [{ column: v.name }];
    if (v instanceof SqlExpr) return [{ expr: v.sql }];
    throw new EvalError(`index columns must be names or SQL expressions, got ${v instanceof Opaque ? v.what : typeName(v)}`);
  });
}

/**
 * `sa.Column(name, type, *args, **kw)`, with SQLAlchemy's defaults (nullable = not primary_key).
 * A bare `sa.Column('x')` is only usable as a column reference in an expression.
 */
export function makeColumn(a: CallArgs): SaColumn | SqlExpr {
  const args = [...a.positional];
  let name: string | undefined;
  if (typeof args[0] === 'string') name = args.shift() as string;
  if (name === undefined) {
    const n = a.keywords.get('name');
    if (typeof n !== 'string') throw new EvalError('sa.Column needs a name');
    name = n;
  }
  let type: SaType | undefined;
  const fks: SaForeignKey[] = [];
  const checks: SaConstraint[] = [];
  let identity: IdentitySpec | null = null;
  let computed: string | null = null;
  const kwType = a.keywords.get('type_');
  if (kwType !== undefined) type = asType(kwType);
  for (const v of args) {
    if (v instanceof SaForeignKey) fks.push(v);
    else if (v instanceof ConstraintValue && v.c.kind === 'check') checks.push(v.c);
    else if (v instanceof ColumnExtra) {
      identity = v.identity ?? identity;
      computed = v.computed ?? computed;
    } else if (type === undefined) type = asType(v);
    else throw new EvalError(`unexpected argument ${typeName(v)} to sa.Column(${name})`);
  }
  if (!type && !fks.length && a.positional.length === 1 && a.keywords.size === 0) return new SqlExpr(quoteIdent(name));
  if (!type) throw new EvalError(`sa.Column(${name}) has no type (a type taken from a ForeignKey is not supported)`);
  const pk = a.keywords.get('primary_key') === true;
  const nullableArg = a.keywords.get('nullable');
  const auto = a.keywords.get('autoincrement');
  const comment = a.keywords.get('comment');
  const def = a.keywords.get('default');
  return new SaColumn(
    name, type, pk,
    typeof nullableArg === 'boolean' ? nullableArg : !pk,
    a.keywords.get('unique') === true,
    a.keywords.get('index') === true,
    serverDefaultSql(a.keywords.get('server_default') ?? null),
    def !== undefined && def !== null,
    auto === true || auto === false || auto === 'ignore_fk' ? auto : 'auto',
    typeof comment === 'string' ? comment : null,
    fks, checks, identity, computed,
  );
}
