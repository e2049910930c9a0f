import type { Change } from '../../diff/change.js';
import { volatileDefault } from './column-change.js';
import { liveColumn } from './column-facts.js';
import type { TypeStep } from './column-retypes.js';
import { typeChangeOf, type TypeChangeKind } from '../../diff/type-change.js';
import { qualify, quoteIdent, quoteLiteral, type QualifiedName } from '../../model/names.js';
import type { ColumnDef } from '../../model/objects.js';
import { columnSql, defaultColumnSequenceName, executableDefault } from '../../model/sql/index.js';
import { statement, type Action, type Statement } from '../../plan/action.js';
import { identityColumnExists, regclass } from '../../plan/catalog-conditions.js';
import { createdCommentActions } from '../comment/comment-actions.js';
import { columnDep, relationDep, type DepKey } from '../../plan/dependency-keys.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { expressionTexts } from '../../plan/mentions.js';
import { deps } from '../../plan/object-deps.js';
import { columnDeps } from './column-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { RANK } from '../../plan/rank.js';
import { serialToIdentitySql } from '../../plan/serial-to-identity.js';
import {
  ALTERS_CATALOG, CHECKS_ROWS, CONVERTS, FAILS_ON_ROWS, NARROWS, REWRITES, type StatementEffects,
} from '../../plan/statement-effects.js';

/**
 * The column already has this type (in the model's format_type spelling) and collation (quoted
 * name; undefined: the type's default). Built-in types are compared as format_type prints them,
 * typmod included; others by type OID when the text carries no typmod (format_type would qualify
 * them or not depending on search_path).
 */
function columnHasType(table: QualifiedName, column: string, type: string, collation: string | undefined): string {
  const typeMatches = /\)(\[\])*$/.test(type)
    ? `pg_catalog.format_type(a.atttypid, a.atttypmod) = ${quoteLiteral(type)}`
    : `(pg_catalog.format_type(a.atttypid, a.atttypmod) = ${quoteLiteral(type)} OR (a.atttypid = pg_catalog.to_regtype(${quoteLiteral(type)}) AND a.atttypmod < 0))`;
  const collationMatches =
    collation !== undefined
      ? `a.attcollation = pg_catalog.to_regcollation(${quoteLiteral(collation)})`
      : 'a.attcollation = (SELECT t.typcollation FROM pg_catalog.pg_type t WHERE t.oid = a.atttypid)';
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = ${regclass(table)} AND a.attname = ${quoteLiteral(column)}` +
    ` AND NOT a.attisdropped AND ${typeMatches} AND ${collationMatches})`
  );
}

/** The column is a stored generated column. */
function generatedColumnExists(table: QualifiedName, column: string): string {
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass(table)}` +
    ` AND attname = ${quoteLiteral(column)} AND NOT attisdropped AND attgenerated = 's')`
  );
}

function alterColumn(table: QualifiedName, column: string, action: string): string {
  return `ALTER TABLE ${qualify(table)} ALTER COLUMN ${quoteIdent(column)} ${action}`;
}

function addColumnSql(table: QualifiedName, col: ColumnDef): string {
  return `ALTER TABLE ${qualify(table)} ADD COLUMN IF NOT EXISTS ${columnSql(col, { table })}`;
}

function columnComment(index: number, name: string, table: QualifiedName, col: ColumnDef, ctx: PlanContext): Action[] {
  return createdCommentActions(index, name, [{ object: 'column', ref: { schema: table.schema, parent: table.name, name: col.name }, text: col.comment }], ctx);
}

/** The table, under its name here and (drops see live objects) its live name. */
function clearedBy(table: QualifiedName, column: string, ctx: PlanContext): DepKey[] {
  const live = ctx.liveRef('table', table);
  return [relationDep(table), columnDep(table, column), relationDep(live), columnDep(live, column)];
}

/**
 * What ADD COLUMN does to an existing table: identity, stored generated and nextval() defaults
 * compute a value per row (a rewrite); NOT NULL without a default fails unless the table is
 * empty; anything else is catalog-only (PostgreSQL 11+ stores a constant default in the catalog).
 */
function addColumnEffects(col: ColumnDef): StatementEffects {
  if (col.identity || col.generated !== undefined || volatileDefault(col)) return REWRITES;
  return col.notNull && col.default === undefined ? FAILS_ON_ROWS : ALTERS_CATALOG;
}

/** ALTER COLUMN TYPE by how the type changes: a binary-coercible widening only relabels the column. */
const TYPE_CHANGE_EFFECTS: Record<TypeChangeKind, StatementEffects> = { widen: ALTERS_CATALOG, convert: CONVERTS, narrow: NARROWS };

/** `ALTER TABLE .. ADD COLUMN IF NOT EXISTS`, then the column's comment. */
export function addColumnActions(c: Extract<Change, { kind: 'addColumn' }>, index: number, ctx: PlanContext): Action[] {
  const name = objectName(c);
  return [
    { change: index, rank: RANK.addColumn, name, statements: [statement(addColumnSql(c.table, c.column), describe(c), addColumnEffects(c.column))], deps: columnDeps(c.table, c.column) },
    ...columnComment(index, name, c.table, c.column, ctx),
  ];
}

/**
 * The guarded type change of {@link alterColumnTypeActions}: one `TYPE` per step, with the
 * history's USING where it wrote one and none otherwise, so PostgreSQL's assignment cast fails on
 * a value that does not fit, as under psql (an explicit `::varchar(20)` would truncate it).
 */
function alterTypeSql(table: QualifiedName, col: ColumnDef, hadDefault: boolean, steps: readonly TypeStep[]): string {
  const collate = col.collation !== undefined ? ` COLLATE ${col.collation}` : '';
  const typeSql = steps.map((s, i) => {
    // A generated column is recomputed, and PostgreSQL refuses USING for it.
    const using = s.using !== undefined && col.generated === undefined ? ` USING ${s.using}` : '';
    return alterColumn(table, col.name, `TYPE ${s.to}${i === steps.length - 1 ? collate : ''}${using}`);
  });
  // PostgreSQL casts the default along and fails when it cannot ('' to text[]): drop it, set the target's after.
  const statements = [
    ...(hadDefault ? [alterColumn(table, col.name, 'DROP DEFAULT')] : []),
    ...typeSql,
    ...(hadDefault && col.default !== undefined ? [alterColumn(table, col.name, `SET DEFAULT ${executableDefault(col)}`)] : []),
  ];
  return guardedSql(`NOT ${columnHasType(table, col.name, col.type, col.collation)}`, statements);
}

/**
 * `ALTER COLUMN .. TYPE t [COLLATE c] [USING ..]`, step by step as the history changed the type.
 * PostgreSQL refuses to change the type of a column a view uses, even to the type it has, so it
 * runs after live views using the table are dropped, and is guarded to do nothing once the column
 * has the type (a view made later may use it). A live default is dropped first and the target's
 * set after, as PostgreSQL would cast it along.
 */
export function alterColumnTypeActions(c: Extract<Change, { kind: 'alterColumnType' }>, index: number, ctx: PlanContext): Action[] {
  const col = c.column;
  const hadDefault = liveColumn(ctx, c.table, col.name)?.default !== undefined;
  const sql = alterTypeSql(c.table, col, hadDefault, c.steps);
  return [
    {
      change: index,
      rank: RANK.alterColumnType,
      name: objectName(c),
      statements: [statement(sql, describe(c), TYPE_CHANGE_EFFECTS[typeChangeOf(c.from, col.type, c.steps)])],
      deps: deps({ requires: [columnDep(c.table, col.name)], mentions: [...c.steps.map((s) => s.to), ...expressionTexts(col.default)] }),
      clearedBy: clearedBy(c.table, col.name, ctx),
    },
  ];
}

/** SET DEFAULT / DROP DEFAULT, already idempotent; drops rank before type and identity changes, sets after. */
export function setDefaultActions(c: Extract<Change, { kind: 'setDefault' }>, index: number): Action[] {
  const sql = alterColumn(c.table, c.column, c.to === undefined ? 'DROP DEFAULT' : `SET DEFAULT ${c.toSql ?? c.to}`);
  const mentions = c.to === undefined ? [] : columnDeps(c.table, { name: c.column, type: '', notNull: false, default: c.to }).mentions;
  return [
    {
      change: index,
      rank: c.to === undefined ? RANK.dropDefault : RANK.setDefault,
      name: objectName(c),
      statements: [statement(sql, describe(c), ALTERS_CATALOG)],
      deps: deps({ requires: [columnDep(c.table, c.column)], mentions }),
    },
  ];
}

/** SET / DROP NOT NULL, already idempotent; SET before ADD IDENTITY (which needs it), DROP after DROP IDENTITY. */
export function setNotNullActions(c: Extract<Change, { kind: 'setNotNull' }>, index: number): Action[] {
  return [
    {
      change: index,
      rank: c.notNull ? RANK.setNotNull : RANK.dropNotNull,
      name: objectName(c),
      statements: [statement(alterColumn(c.table, c.column, c.notNull ? 'SET NOT NULL' : 'DROP NOT NULL'), describe(c), c.notNull ? CHECKS_ROWS : ALTERS_CATALOG)],
      deps: deps({ requires: [columnDep(c.table, c.column)] }),
    },
  ];
}

/**
 * Identity: ADD GENERATED .. AS IDENTITY (guarded: it fails on an identity column) naming a
 * non-default sequence, taking over a serial column's sequence name and counter; SET GENERATED ALWAYS|BY DEFAULT; DROP IDENTITY IF EXISTS.
 */
export function alterIdentityActions(c: Extract<Change, { kind: 'alterIdentity' }>, index: number): Action[] {
  const col = c.column;
  const target = col.identity;
  let statements: Statement[];
  if (!target) {
    statements = [statement(alterColumn(c.table, col.name, 'DROP IDENTITY IF EXISTS'), describe(c), ALTERS_CATALOG)];
  } else if (!c.live.identity) {
    const kind = target.always ? 'ALWAYS' : 'BY DEFAULT';
    const seq = target.sequence;
    const named = seq !== undefined && seq !== defaultColumnSequenceName(c.table.name, col.name);
    const options = named ? ` (SEQUENCE NAME ${qualify({ schema: c.table.schema, name: seq })})` : '';
    const add = alterColumn(c.table, col.name, `ADD GENERATED ${kind} AS IDENTITY${options}`);
    const fromSerial = serialToIdentitySql(c.table, c.live, seq ?? defaultColumnSequenceName(c.table.name, col.name), add);
    statements = [statement(fromSerial ?? guardedSql(`NOT ${identityColumnExists(c.table, col.name)}`, [add]), describe(c), ALTERS_CATALOG)];
  } else {
    statements = [statement(alterColumn(c.table, col.name, `SET GENERATED ${target.always ? 'ALWAYS' : 'BY DEFAULT'}`), describe(c), ALTERS_CATALOG)];
  }
  return [
    {
      change: index,
      rank: RANK.identity,
      name: objectName(c),
      statements,
      deps: deps({ requires: [columnDep(c.table, col.name)] }),
    },
  ];
}

/**
 * A generated column made plain, keeping its values: DROP EXPRESSION, then whatever else the
 * target says of the column (the diff lists nothing else for it), each idempotent.
 */
function toPlainColumn(table: QualifiedName, col: ColumnDef, live: ColumnDef): string[] {
  const out = [alterColumn(table, col.name, 'DROP EXPRESSION IF EXISTS')];
  if (col.type !== live.type || col.collation !== live.collation) out.push(alterTypeSql(table, col, false, [{ to: col.type }]));
  if (col.default !== undefined) out.push(alterColumn(table, col.name, `SET DEFAULT ${executableDefault(col)}`));
  if (col.notNull !== live.notNull) out.push(alterColumn(table, col.name, col.notNull ? 'SET NOT NULL' : 'DROP NOT NULL'));
  return out;
}

/**
 * A generated column's expression cannot be added or changed in place (before PostgreSQL 17), so
 * the column is dropped and added again, which recomputes it; a plain column becoming generated
 * only while it is not yet generated. Turning a generated column into a plain one keeps its
 * data: DROP EXPRESSION IF EXISTS (PostgreSQL 13+), then its type, default and NOT NULL.
 */
export function setGeneratedActions(c: Extract<Change, { kind: 'setGenerated' }>, index: number, ctx: PlanContext): Action[] {
  const col = c.column;
  const name = objectName(c);
  const rebuild = [`ALTER TABLE ${qualify(c.table)} DROP COLUMN IF EXISTS ${quoteIdent(col.name)}`, addColumnSql(c.table, col)];
  const statements =
    col.generated === undefined
      ? toPlainColumn(c.table, col, c.live).map((sql) => statement(sql, describe(c), ALTERS_CATALOG))
      : c.live.generated === undefined
        ? [statement(guardedSql(`NOT ${generatedColumnExists(c.table, col.name)}`, rebuild), describe(c), { ...REWRITES, dataLoss: true })]
        : rebuild.map((sql, i) => statement(sql, `${i === 0 ? 'drop' : 'add'} column ${name}`, i === 0 ? ALTERS_CATALOG : REWRITES));
  return [
    {
      change: index,
      rank: RANK.generated,
      name,
      statements,
      deps: deps({ provides: [columnDep(c.table, col.name)], requires: [relationDep(c.table)], mentions: columnDeps(c.table, col).mentions }),
      clearedBy: clearedBy(c.table, col.name, ctx),
    },
    ...(col.generated === undefined ? [] : columnComment(index, name, c.table, col, ctx)),
  ];
}
