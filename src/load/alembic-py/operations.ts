/**
 * Alembic's `op.*` operations as the PostgreSQL implementation runs them (operations/toimpl.py,
 * ddl/impl.py, ddl/postgresql.py): each call appends the statements it would emit. alter_column
 * runs TYPE first (PostgreSQL's impl), then NOT NULL, DEFAULT, comment and the rename last;
 * add_column adds the column's implied constraints and indexes after it; create_table creates
 * each native enum its columns use once, before the table.
 */
import { quoteIdent } from '../../model/names.js';
import { EvalError } from './builtins.js';
import { buildTable, columnSpec, commentSql, constraintSql, createIndexSql, createTableSql, tableRef } from './ddl-render.js';
import type { Emitter } from './emitter.js';
import { conventionName, type NamingConvention } from './naming.js';
import { NativeFunction, Opaque, PyList, typeName, type CallArgs, type PyValue } from './py-values.js';
import {
  ConstraintValue, ConvName, SaColumn, SaIndex, SqlExpr, indexElements, makeCheck, makeForeignKeyConstraint, makePrimaryKey,
  makeUnique, serverDefaultSql, textClauseSql, type ObjectName, type SaConstraint,
} from './sa-schema.js';
import { asType, enumCreateSql, enumOnceKey, type SaType } from './sa-types.js';

/** Reads a call's arguments by position or keyword, Python-style. */
export class Args {
  constructor(readonly a: CallArgs, private readonly names: readonly string[], private readonly what: string) {
    for (const k of a.keywords.keys()) {
      if (!names.includes(k) && !POSTGRESQL_OPTIONS.has(k) && !k.startsWith('existing_') && !KNOWN_IGNORED.has(k)) {
        throw new EvalError(`${what}() got the argument ${k}=, which schema-sync does not interpret`);
      }
    }
  }
  has(name: string): boolean {
    const i = this.names.indexOf(name);
    return this.a.keywords.has(name) || (i >= 0 && i < this.a.positional.length);
  }
  get(name: string): PyValue | undefined {
    if (this.a.keywords.has(name)) return this.a.keywords.get(name);
    const i = this.names.indexOf(name);
    return i >= 0 ? this.a.positional[i] : undefined;
  }
  str(name: string): string {
    const v = this.get(name);
    if (typeof v !== 'string') throw new EvalError(`${this.what}(): ${name} must be a string, got ${v === undefined ? 'nothing' : describeValue(v)}`);
    return v;
  }
  optStr(name: string): string | undefined {
    const v = this.get(name);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new EvalError(`${this.what}(): ${name} must be a string, got ${describeValue(v)}`);
    return v;
  }
  name(name: string): ObjectName {
    const v = this.get(name);
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' || v instanceof ConvName) return v;
    throw new EvalError(`${this.what}(): ${name} must be a name, got ${describeValue(v)}`);
  }
  strings(name: string): string[] {
    const v = this.get(name);
    if (!(v instanceof PyList)) throw new EvalError(`${this.what}(): ${name} must be a list of column names, got ${v === undefined ? 'nothing' : describeValue(v)}`);
    return v.items.map((x) => {
      if (typeof x !== 'string') throw new EvalError(`${this.what}(): ${name} must hold column names, got ${describeValue(x)}`);
      return x;
    });
  }
}

/** The PostgreSQL dialect options schema-sync writes into the SQL (others, e.g. postgresql_with, are refused). */
export const POSTGRESQL_OPTIONS: ReadonlySet<string> = new Set([
  'postgresql_using', 'postgresql_where', 'postgresql_include', 'postgresql_ops', 'postgresql_concurrently',
  'postgresql_nulls_not_distinct', 'postgresql_not_valid',
]);

/** Keywords that change nothing in the schema (Python-side behaviour, autogenerate hints). */
const KNOWN_IGNORED = new Set(['use_alter', 'info', 'execution_options', 'autoincrement', 'multiinsert', 'insert_before', 'insert_after', 'quote', 'kw', 'comment']);

/** A value for an error message; Opaque values say that they depend on the database. */
export function describeValue(v: PyValue): string {
  return v instanceof Opaque ? `${v.what} (depends on the database or app code)` : typeName(v);
}

/** Emits statements for op.* calls; one per revision. */
export class OperationsImpl {
  constructor(private readonly out: Emitter, readonly convention: NamingConvention) {}

  private emit(line: number, sql: string, once?: string): void {
    this.out.sql(line, sql, once);
  }

  createTable(line: number, name: string, schema: string | undefined, items: readonly PyValue[], comment: string | null): void {
    const columns: SaColumn[] = [];
    const constraints: SaConstraint[] = [];
    const indexes: SaIndex[] = [];
    for (const v of items) {
      if (v instanceof SaColumn) columns.push(v);
      else if (v instanceof ConstraintValue) constraints.push(v.c);
      else if (v instanceof SaIndex) indexes.push(v);
      else throw new EvalError(`create_table(${name}): unexpected argument ${describeValue(v)}`);
    }
    const t = buildTable(name, schema, columns, constraints, indexes, comment);
    for (const c of columns) {
      const e = c.type.enumInfo;
      if (e?.createType) this.emit(line, enumCreateSql(e), enumOnceKey(e));
    }
    this.emit(line, createTableSql(t, this.convention));
    for (const ix of t.indexes) this.emit(line, createIndexSql(ix, name, schema, this.convention));
    if (comment !== null) this.emit(line, commentSql(`TABLE ${tableRef(name, schema)}`, comment));
    for (const c of columns) if (c.comment !== null) this.emit(line, commentSql(`COLUMN ${tableRef(name, schema)}.${quoteIdent(c.name)}`, c.comment));
  }

  addColumn(line: number, table: string, schema: string | undefined, col: SaColumn, ifNotExists: boolean): void {
    const t = buildTable(table, schema, [col], [], [], null);
    this.emit(line, `ALTER TABLE ${tableRef(table, schema)} ADD COLUMN ${ifNotExists ? 'IF NOT EXISTS ' : ''}${columnSpec(col, t)}`);
    for (const c of t.constraints) {
      if (c.kind !== 'primary key') this.emit(line, `ALTER TABLE ${tableRef(table, schema)} ADD ${constraintSql(c, table, schema, this.convention)}`);
    }
    for (const ix of t.indexes) this.emit(line, createIndexSql(ix, table, schema, this.convention));
    if (col.comment !== null) this.emit(line, commentSql(`COLUMN ${tableRef(table, schema)}.${quoteIdent(col.name)}`, col.comment));
  }

  alterColumn(line: number, table: string, schema: string | undefined, column: string, a: Args): void {
    const alter = `ALTER TABLE ${tableRef(table, schema)} ALTER COLUMN ${quoteIdent(column)}`;
    const type: SaType | null = a.get('type_') === undefined || a.get('type_') === null ? null : asType(a.get('type_')!);
    const using = a.get('postgresql_using');
    if (using !== undefined && using !== null && !type) throw new EvalError('postgresql_using must be used with type_');
    if (type) this.emit(line, `${alter} TYPE ${type.sql}${using !== undefined && using !== null ? ` USING ${using instanceof SqlExpr ? using.sql : String(using)}` : ''}`);
    const nullable = a.get('nullable');
    if (nullable === true || nullable === false) this.emit(line, `${alter} ${nullable ? 'DROP' : 'SET'} NOT NULL`);
    if (a.has('server_default') && a.get('server_default') !== false) {
      const d = serverDefaultSql(a.get('server_default') ?? null);
      this.emit(line, d === null ? `${alter} DROP DEFAULT` : `${alter} SET DEFAULT ${d}`);
    }
    if (a.has('comment') && a.get('comment') !== false) {
      const c = a.get('comment');
      this.emit(line, commentSql(`COLUMN ${tableRef(table, schema)}.${quoteIdent(column)}`, typeof c === 'string' ? c : null));
    }
    const rename = a.optStr('new_column_name');
    if (rename !== undefined) this.emit(line, `ALTER TABLE ${tableRef(table, schema)} RENAME ${quoteIdent(column)} TO ${quoteIdent(rename)}`);
  }

  addConstraint(line: number, table: string, schema: string | undefined, c: SaConstraint): void {
    this.emit(line, `ALTER TABLE ${tableRef(table, schema)} ADD ${constraintSql(c, table, schema, this.convention)}`);
  }

  dropConstraint(line: number, table: string, schema: string | undefined, name: ObjectName, type: string | undefined, ifExists: boolean): void {
    const key = type === 'foreignkey' ? 'fk' : type === 'unique' ? 'uq' : type === 'check' ? 'ck' : type === 'primary' ? 'pk' : null;
    const resolved = key ? conventionName({ key, name, table, ...(schema ? { schema } : {}), columns: [] }, this.convention) : name instanceof ConvName ? name.value : name;
    if (resolved === null) throw new EvalError('drop_constraint needs a name');
    this.emit(line, `ALTER TABLE ${tableRef(table, schema)} DROP CONSTRAINT ${ifExists ? 'IF EXISTS ' : ''}${quoteIdent(resolved)}`);
  }

  createIndex(line: number, ix: SaIndex, table: string, schema: string | undefined, ifNotExists: boolean): void {
    this.emit(line, createIndexSql(ix, table, schema, this.convention, ifNotExists));
  }

  dropIndex(line: number, name: ObjectName, table: string | undefined, schema: string | undefined, a: Args): void {
    const resolved = table !== undefined ? conventionName({ key: 'ix', name, table, columns: [] }, this.convention) : name instanceof ConvName ? name.value : name;
    if (resolved === null) throw new EvalError('drop_index needs a name');
    const conc = a.get('postgresql_concurrently') === true ? 'CONCURRENTLY ' : '';
    this.emit(line, `DROP INDEX ${conc}${a.get('if_exists') === true ? 'IF EXISTS ' : ''}${tableRef(resolved, schema)}`);
  }

  execute(line: number, sql: PyValue): void {
    if (typeof sql === 'string') this.emit(line, textClauseSql(sql));
    else if (sql instanceof SqlExpr) this.emit(line, sql.sql);
    else if (sql instanceof Opaque) this.out.data(line, `execute(${sql.what})`);
    else throw new EvalError(`execute() needs SQL text, got ${typeName(sql)}`);
  }

  data(line: number, text: string): void {
    this.out.data(line, text);
  }

  sql(line: number, sql: string, once?: string): void {
    this.emit(line, sql, once);
  }
}

/** create_unique_constraint & co. share how they turn arguments into a constraint value. */
export function constraintFromOp(kind: 'unique' | 'primary key' | 'check' | 'foreign key', name: ObjectName, a: Args): SaConstraint {
  const kw = new Map(a.a.keywords);
  kw.delete('schema');
  if (name !== null) kw.set('name', name);
  else kw.delete('name');
  switch (kind) {
    case 'unique': return makeUnique({ positional: a.strings('columns'), keywords: kw }).c;
    case 'primary key': return makePrimaryKey({ positional: a.strings('columns'), keywords: kw }).c;
    case 'check': {
      const cond = a.get('condition');
      if (cond === undefined) throw new EvalError('create_check_constraint needs a condition');
      return makeCheck({ positional: [cond], keywords: kw }).c;
    }
    case 'foreign key': {
      const ref = a.str('referent_table');
      const refSchema = a.optStr('referent_schema');
      const remote = a.strings('remote_cols').map((c) => `${refSchema ? refSchema + '.' : ''}${ref}.${c}`);
      for (const k of ['referent_table', 'local_cols', 'remote_cols', 'source_schema', 'referent_schema', 'source_table', 'constraint_name']) kw.delete(k);
      return makeForeignKeyConstraint({ positional: [new PyList(a.strings('local_cols')), new PyList(remote)], keywords: kw }).c;
    }
  }
}

/** A NativeFunction whose first argument list is read through Args. */
export function opFunction(name: string, params: readonly string[], impl: (a: Args, line: number) => PyValue): NativeFunction {
  return new NativeFunction(`op.${name}`, (call, line) => impl(new Args(call, params, `op.${name}`), line));
}

/** An index value from create_index's arguments. */
export function indexFromOp(name: ObjectName, a: Args): SaIndex {
  const cols = a.get('columns');
  const dialect = new Map([...a.a.keywords].filter(([k]) => k.startsWith('postgresql_')));
  return new SaIndex(name, indexElements(cols instanceof PyList ? cols.items : cols === undefined ? [] : [cols]), a.get('unique') === true, dialect);
}

