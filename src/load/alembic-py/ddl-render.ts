/**
 * Writes the SQL SQLAlchemy's PostgreSQL DDL compiler would write for tables, columns,
 * constraints and indexes. The text need not match byte for byte (it is re-parsed by
 * PostgreSQL's grammar); what must match is every fact PostgreSQL derives from it: SERIAL for
 * the single integer primary key, constraint order (primary key first, then by creation, which
 * decides the names PostgreSQL picks), DEFAULT and NOT NULL.
 */
import { quoteIdent, quoteLiteral } from '../../model/names.js';
import { EvalError } from './builtins.js';
import { conventionName, constraintNameable, indexNameable, type NamingConvention } from './naming.js';
import { nextCreation, SaIndex, SqlExpr, splitTarget, type IndexElement, type SaColumn, type SaConstraint } from './sa-schema.js';

/** A table as SQLAlchemy's Table() would assemble it from op.create_table / add_column arguments. */
export interface TableModel {
  readonly name: string;
  readonly schema?: string;
  readonly columns: readonly SaColumn[];
  /** Primary key first, then by creation order. */
  readonly constraints: readonly SaConstraint[];
  readonly indexes: readonly SaIndex[];
  readonly comment: string | null;
}

/** `[schema.]name`, each part quoted as needed. */
export function tableRef(name: string, schema?: string | null): string {
  return (schema ? quoteIdent(schema) + '.' : '') + quoteIdent(name);
}

/** Table() semantics: column flags become constraints and indexes created at table build time. */
export function buildTable(name: string, schema: string | undefined, columns: readonly SaColumn[], explicit: readonly SaConstraint[], indexes: readonly SaIndex[], comment: string | null): TableModel {
  const constraints: SaConstraint[] = [];
  const allIndexes = [...indexes];
  let pk = explicit.find((c) => c.kind === 'primary key');
  const flagged = columns.filter((c) => c.primaryKey).map((c) => c.name);
  if (pk && pk.kind === 'primary key') {
    const extra = flagged.filter((c) => !pk!.columns.includes(c));
    if (extra.length) pk = { ...pk, columns: [...pk.columns, ...extra] };
  } else if (flagged.length) {
    pk = { kind: 'primary key', name: null, columns: flagged, order: 0, options: {} };
  }
  constraints.push(...explicit.filter((c) => c.kind !== 'primary key'));
  for (const col of columns) {
    if (col.index) allIndexes.push(new SaIndex(null, [{ column: col.name }], col.unique, new Map()));
    if (col.unique && !col.index) constraints.push({ kind: 'unique', name: null, columns: [col.name], order: nextCreation(), options: {}, nullsNotDistinct: false });
    for (const fk of col.foreignKeys) {
      const t = splitTarget(fk.target);
      constraints.push({
        kind: 'foreign key', name: fk.name, columns: [col.name], refTable: t.table, ...(t.schema ? { refSchema: t.schema } : {}),
        refColumns: [t.column], ondelete: fk.ondelete, onupdate: fk.onupdate, match: fk.match, order: nextCreation(), options: fk.options,
        ...(fk.useAlter ? { useAlter: true } : {}),
      });
    }
    for (const ck of col.checks) constraints.push(ck);
  }
  constraints.sort((a, b) => a.order - b.order);
  return { name, ...(schema ? { schema } : {}), columns, constraints: pk ? [pk, ...constraints] : constraints, indexes: allIndexes, comment };
}

/** The column SQLAlchemy would make SERIAL (PrimaryKeyConstraint._autoincrement_column). */
export function autoincrementColumn(t: TableModel): SaColumn | null {
  const pk = t.constraints.find((c) => c.kind === 'primary key');
  if (!pk || pk.kind !== 'primary key') return null;
  const cols = pk.columns.map((n) => t.columns.find((c) => c.name === n)).filter((c): c is SaColumn => !!c);
  const ok = (c: SaColumn, explicit: boolean): boolean => {
    if (c.type.affinity === 'other') {
      if (explicit) throw new EvalError(`column ${c.name}: autoincrement=True needs an integer type`);
      return false;
    }
    if (explicit) return true;
    if (c.hasClientDefault || c.serverDefault !== null) return false;
    if (c.foreignKeys.length && c.autoincrement !== 'ignore_fk') return false;
    return true;
  };
  if (cols.length === 1) {
    const c = cols[0]!;
    if (c.autoincrement === true) return ok(c, true) ? c : null;
    return (c.autoincrement === 'auto' || c.autoincrement === 'ignore_fk') && ok(c, false) ? c : null;
  }
  const marked = cols.filter((c) => c.autoincrement === true);
  return marked.length === 1 && ok(marked[0]!, true) ? marked[0]! : null;
}

/** PGDDLCompiler.get_column_specification. */
export function columnSpec(col: SaColumn, table: TableModel): string {
  let s = quoteIdent(col.name);
  const serial = col.primaryKey && autoincrementColumn(table) === col && !col.identity && !col.hasClientDefault;
  if (serial) s += col.type.affinity === 'bigint' ? ' BIGSERIAL' : col.type.affinity === 'smallint' ? ' SMALLSERIAL' : ' SERIAL';
  else {
    s += ' ' + col.type.sql;
    if (col.serverDefault !== null) s += ' DEFAULT ' + col.serverDefault;
  }
  if (col.computed) s += ` GENERATED ALWAYS AS (${col.computed}) STORED`;
  if (col.identity) s += ` GENERATED ${col.identity.always ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${col.identity.options ? ` (${col.identity.options})` : ''}`;
  if (!col.nullable && !col.identity) s += ' NOT NULL';
  else if (col.nullable && col.identity) s += ' NULL';
  return s;
}

function deferrable(c: SaConstraint): string {
  let s = '';
  if (c.options.deferrable !== undefined) s += c.options.deferrable ? ' DEFERRABLE' : ' NOT DEFERRABLE';
  if (c.options.initially !== undefined) s += ` INITIALLY ${c.options.initially}`;
  if (c.options.notValid) s += ' NOT VALID';
  return s;
}

const cols = (names: readonly string[]) => names.map(quoteIdent).join(', ');

/** One constraint clause as in CREATE TABLE or ALTER TABLE ... ADD. */
export function constraintSql(c: SaConstraint, table: string, schema: string | undefined, convention: NamingConvention): string {
  const name = conventionName(constraintNameable(c, table, schema), convention);
  const head = name !== null ? `CONSTRAINT ${quoteIdent(name)} ` : '';
  switch (c.kind) {
    case 'primary key':
      return `${head}PRIMARY KEY (${cols(c.columns)})${deferrable(c)}`;
    case 'unique':
      return `${head}UNIQUE ${c.nullsNotDistinct ? 'NULLS NOT DISTINCT ' : ''}(${cols(c.columns)})${deferrable(c)}`;
    case 'check':
      return `${head}CHECK (${c.sql})${deferrable(c)}`;
    case 'foreign key': {
      let s = `${head}FOREIGN KEY(${cols(c.columns)}) REFERENCES ${tableRef(c.refTable, c.refSchema)} (${cols(c.refColumns)})`;
      if (c.match) s += ` MATCH ${c.match}`;
      if (c.ondelete) s += ` ON DELETE ${c.ondelete}`;
      if (c.onupdate) s += ` ON UPDATE ${c.onupdate}`;
      return s + deferrable(c);
    }
  }
}

/** `CREATE TABLE` with its columns and inline constraints. */
export function createTableSql(t: TableModel, convention: NamingConvention): string {
  const inline = t.constraints.filter((c) => !(c.kind === 'foreign key' && c.useAlter));
  const parts = [...t.columns.map((c) => columnSpec(c, t)), ...inline.map((c) => constraintSql(c, t.name, t.schema, convention))];
  return `CREATE TABLE ${tableRef(t.name, t.schema)} (\n\t${parts.join(', \n\t')}\n)`;
}

function fail(message: string): never {
  throw new EvalError(message);
}

function elementSql(e: IndexElement): string {
  return 'column' in e ? quoteIdent(e.column) : e.expr;
}

/** `CREATE INDEX` as PGDDLCompiler.visit_create_index writes it (USING, INCLUDE, WHERE, CONCURRENTLY). */
export function createIndexSql(ix: SaIndex, table: string, schema: string | undefined, convention: NamingConvention, ifNotExists = false): string {
  const name = conventionName(indexNameable(ix.name, ix.elements, table, schema), convention);
  if (name === null) throw new EvalError('an index needs a name (no naming convention gives one)');
  const d = ix.dialect;
  const using = d.get('postgresql_using');
  const ops = d.get('postgresql_ops');
  const where = d.get('postgresql_where');
  const include = d.get('postgresql_include');
  const elements = ix.elements.map((e) => {
    const op = ops && typeof ops === 'object' && 'map' in ops ? (ops as { map: Map<unknown, unknown> }).map.get('column' in e ? e.column : e.expr) : undefined;
    return elementSql(e) + (typeof op === 'string' ? ' ' + op : '');
  });
  let s = `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${d.get('postgresql_concurrently') === true ? 'CONCURRENTLY ' : ''}${ifNotExists ? 'IF NOT EXISTS ' : ''}`;
  s += `${quoteIdent(name)} ON ${tableRef(table, schema)}${typeof using === 'string' ? ` USING ${using}` : ''} (${elements.join(', ')})`;
  if (include && typeof include === 'object' && 'items' in include) s += ` INCLUDE (${cols((include as { items: string[] }).items)})`;
  if (d.get('postgresql_nulls_not_distinct') === true) s += ' NULLS NOT DISTINCT';
  if (where !== undefined && where !== null) s += ` WHERE ${where instanceof SqlExpr ? where.sql : typeof where === 'string' ? where : fail('postgresql_where must be text()')}`;
  return s;
}

/** `COMMENT ON ...` for a table or column comment (PostgreSQL has no inline comments). */
export function commentSql(target: string, comment: string | null): string {
  return `COMMENT ON ${target} IS ${comment === null ? 'NULL' : quoteLiteral(comment)}`;
}
