import type { Mutable } from '../../model/mutable.js';
import type { ColumnDef, TableDef } from '../../model/objects.js';
import type { ColumnSpec } from '../../parse/ddl.js';
import { coerceConstantDefault } from '../../parse/index.js';
import type { ReplayContext } from '../context.js';
import { createOwnedSequence, nextvalDefault } from './sequences.js';

/**
 * Builds a column from its spec. `serial` is sugar: PostgreSQL creates an owned sequence, makes
 * the column integer/bigint NOT NULL with a `nextval` default; identity columns also get an
 * owned sequence but no default.
 */
export function buildColumn(ctx: ReplayContext, table: { schema: string; name: string }, spec: ColumnSpec): ColumnDef {
  let type = ctx.typeText(spec.type);
  let notNull = spec.notNull;
  let def = spec.default;
  let written = spec.defaultSql;
  let identity: ColumnDef['identity'];
  if (spec.type.kind === 'serial') {
    const seq = createOwnedSequence(ctx, table.schema, table.name, spec.name, spec.type.base, {});
    type = spec.type.base;
    notNull = true;
    def = nextvalDefault(table.schema, seq);
    written = undefined;
  }
  if (spec.identity) {
    const dataType = type === 'smallint' || type === 'integer' || type === 'bigint' ? type : 'bigint';
    if (dataType !== type) ctx.error(`identity column type must be smallint, integer, or bigint`);
    const seq = createOwnedSequence(ctx, table.schema, table.name, spec.name, dataType, spec.identity.options);
    identity = { always: spec.identity.always, sequence: seq };
    notNull = true;
  }
  if (def !== undefined) def = coerceConstantDefault(def, type, written);
  // Fields in the model's order (JSON output shows it); origin last.
  const column: Mutable<ColumnDef> = { name: spec.name, type, notNull };
  if (def !== undefined && !identity) {
    column.default = def;
    if (written !== undefined) column.defaultSql = written;
  }
  if (identity) column.identity = identity;
  if (spec.generated !== undefined) column.generated = spec.generated;
  if (spec.generatedSql !== undefined) column.generatedSql = spec.generatedSql;
  if (spec.collation !== undefined) column.collation = spec.collation;
  column.origin = ctx.origin;
  return column;
}

/**
 * A column whose default replay rewrote (a sequence or type it names was renamed or moved): the
 * written text named the old object, so only the canonical text is left to execute.
 */
export function rewrittenDefault(c: ColumnDef, def: string): ColumnDef {
  const { defaultSql: _written, ...rest } = c;
  return { ...rest, default: def };
}

/**
 * Replaces one column of a table by name; the column's origin becomes the statement that last
 * shaped it, which is what a reviewer wants to be pointed at.
 */
export function updateColumn(table: TableDef, name: string, fn: (c: ColumnDef) => ColumnDef, origin?: ColumnDef['origin']): TableDef {
  return {
    ...table,
    columns: table.columns.map((c) => (c.name === name ? { ...fn(c), ...(origin ? { origin } : {}) } : c)),
  };
}

/** Finds a column or reports PostgreSQL's error. */
export function findColumn(ctx: ReplayContext, table: TableDef, name: string): ColumnDef | undefined {
  const col = table.columns.find((c) => c.name === name);
  if (!col) ctx.error(`column "${name}" of relation "${table.name}" does not exist`);
  return col;
}
