import { qualify } from '../../model/names.js';
import { relationKey } from '../../model/schema-state.js';
import { isIndexBacked, type IndexBackedConstraint } from '../../model/index-backed.js';
import type { ColumnDef, ConstraintDef, TableDef } from '../../model/objects.js';
import type { ConstraintSpec } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { withoutDefaultOpclasses } from '../index-keys.js';
import { chooseName, nameAddition } from '../naming.js';

/** Order in which PostgreSQL creates a CREATE TABLE's constraints (and so picks their names). */
export function creationOrder(specs: readonly ConstraintSpec[]): ConstraintSpec[] {
  const rank = (s: ConstraintSpec): number =>
    s.type === 'check' ? 0 : s.type === 'primary key' ? 1 : s.type === 'foreign key' ? 3 : 2;
  return specs.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s);
}

/** Picks the name PostgreSQL would give an unnamed constraint on `table`. */
function chooseConstraintName(ctx: ReplayContext, table: TableDef, spec: ConstraintSpec, pending: readonly string[]): string {
  const d = ctx.draft;
  const schema = table.schema;
  const constraintTaken = (n: string): boolean =>
    d.constraintNameExists(schema, n) || pending.includes(n) || table.constraints.some((c) => c.name === n);
  // Index-backed constraints get their index's name: unique among relations *and* constraints.
  const relationTaken = (n: string): boolean => d.relationExists(schema, n) || constraintTaken(n);
  switch (spec.type) {
    case 'primary key':
      return chooseName(table.name, undefined, 'pkey', relationTaken);
    case 'unique':
      return chooseName(table.name, nameAddition(spec.columns), 'key', relationTaken);
    case 'exclude':
      return chooseName(table.name, nameAddition(spec.keys.map((k) => k.column ?? 'expr')), 'excl', relationTaken);
    case 'foreign key':
      return chooseName(table.name, nameAddition(spec.columns), 'fkey', constraintTaken);
    case 'check': {
      // AddRelationNewConstraints names a CHECK after its column only if it mentions exactly one.
      const cols = spec.columnsMentioned.filter((c) => table.columns.some((col) => col.name === c));
      return chooseName(table.name, cols.length === 1 ? cols[0] : undefined, 'check', constraintTaken);
    }
  }
}

/**
 * Adds a constraint to a table the way PostgreSQL would: names it if unnamed, resolves an FK's
 * referenced columns, marks PK columns NOT NULL, and registers the name. Returns the new table.
 */
export function addConstraint(ctx: ReplayContext, table: TableDef, spec: ConstraintSpec, pending: string[] = []): TableDef {
  const added = constraintAddition(ctx, table, spec, pending);
  return added ? { ...table, columns: added.columns, constraints: [...table.constraints, added.def] } : table;
}

/**
 * What adding a constraint to `table` makes (see addConstraint): the constraint and the table's
 * columns after it. Undefined when PostgreSQL would reject it (reported). CREATE TABLE builds its
 * table once from these instead of copying it per constraint.
 */
export function constraintAddition(
  ctx: ReplayContext,
  table: TableDef,
  spec: ConstraintSpec,
  pending: string[],
): { readonly def: ConstraintDef; readonly columns: readonly ColumnDef[] } | undefined {
  const name = spec.name ?? chooseConstraintName(ctx, table, spec, pending);
  if (table.constraints.some((c) => c.name === name)) {
    ctx.error(`constraint "${name}" for relation ${qualify(table)} already exists`);
    return undefined;
  }
  const { deferrable, initiallyDeferred } = spec;
  const origin = ctx.origin;
  let def: ConstraintDef;
  let columns = table.columns;
  const missing = (cols: readonly string[]): string | undefined => cols.find((c) => !table.columns.some((col) => col.name === c));
  switch (spec.type) {
    case 'primary key': {
      if (table.constraints.some((c) => c.type === 'primary key')) {
        ctx.error(`multiple primary keys for table ${qualify(table)} are not allowed`);
        return undefined;
      }
      const { columns: cols, index } = backingIndex(ctx, table, spec);
      def = { name, deferrable, initiallyDeferred, origin, type: 'primary key', columns: cols, include: spec.include, ...index };
      columns = columns.map((c) => (cols.includes(c.name) && !c.notNull ? { ...c, notNull: true } : c));
      break;
    }
    case 'unique': {
      const { columns: cols, index } = backingIndex(ctx, table, spec);
      def = { name, deferrable, initiallyDeferred, origin, type: 'unique', columns: cols, include: spec.include, nullsNotDistinct: spec.nullsNotDistinct, ...index };
      break;
    }
    case 'foreign key': {
      const refKey = ctx.key(spec.table);
      const refTable = refKey === ctx.key(table) ? table : ctx.draft.tables.get(refKey);
      if (!refTable) {
        ctx.error(`referenced table ${spec.table.schema ? spec.table.schema + '.' : ''}${spec.table.name} does not exist`);
        return undefined;
      }
      let refColumns = spec.refColumns;
      if (!refColumns.length) {
        const pk = refTable.constraints.find((c) => c.type === 'primary key');
        if (!pk || pk.type !== 'primary key') {
          ctx.error(`there is no primary key for referenced table ${qualify(refTable)}`);
          return undefined;
        }
        refColumns = pk.columns;
      }
      def = {
        name,
        deferrable,
        initiallyDeferred,
        origin,
        type: 'foreign key',
        columns: spec.columns,
        references: {
          table: { schema: refTable.schema, name: refTable.name },
          columns: refColumns,
          onDelete: spec.onDelete,
          onUpdate: spec.onUpdate,
          match: spec.match,
        },
        validated: !spec.notValid,
      };
      break;
    }
    case 'check':
      def = {
        name, deferrable, initiallyDeferred, origin, type: 'check', expression: spec.expression, expressionSql: spec.expressionSql,
        validated: !spec.notValid, noInherit: spec.noInherit,
      };
      break;
    case 'exclude':
      def = {
        name, deferrable, initiallyDeferred, origin,
        type: 'exclude', method: spec.method, keys: withoutDefaultOpclasses(spec.keys, spec.method, table, ctx.draft), include: spec.include,
        ...(spec.where !== undefined ? { where: spec.where } : {}),
        ...(spec.whereSql !== undefined ? { whereSql: spec.whereSql } : {}),
        ...indexFields(spec.options, spec.indexComment),
      };
      break;
  }
  const bad = 'columns' in def ? missing(def.columns) : undefined;
  if (bad !== undefined) {
    ctx.error(`column "${bad}" named in constraint "${name}" does not exist`);
    return undefined;
  }
  pending.push(name);
  ctx.draft.trackConstraints(table, [def], 1);
  return { def, columns };
}

/** The index fields of a constraint (IndexBacked), present only when set. */
function indexFields(options: readonly string[] | undefined, comment: string | undefined): { options?: readonly string[]; indexComment?: string } {
  return { ...(options !== undefined ? { options } : {}), ...(comment !== undefined ? { indexComment: comment } : {}) };
}

/**
 * The columns and index fields of a PRIMARY KEY or UNIQUE constraint. `ADD CONSTRAINT .. USING
 * INDEX idx`: the index becomes the constraint's (and is renamed to it), keeping its storage
 * parameters and comment.
 */
function backingIndex(
  ctx: ReplayContext,
  table: TableDef,
  spec: Extract<ConstraintSpec, { type: 'primary key' | 'unique' }>,
): { columns: readonly string[]; index: ReturnType<typeof indexFields> } {
  if (spec.usingIndex === undefined) return { columns: spec.columns, index: indexFields(spec.options, spec.indexComment) };
  const key = ctx.key({ schema: table.schema, name: spec.usingIndex });
  const idx = ctx.draft.indexes.get(key);
  if (!idx) {
    ctx.error(`index "${spec.usingIndex}" does not exist`);
    return { columns: [], index: {} };
  }
  ctx.draft.indexes.delete(key);
  return { columns: idx.keys.map((k) => k.column ?? ''), index: indexFields(idx.options, idx.comment) };
}

/**
 * Applies `change` to the constraint whose index is the relation `schema.name` (COMMENT ON INDEX, ALTER
 * INDEX .. SET (..) naming a PRIMARY KEY / UNIQUE / EXCLUDE constraint's index, which the model
 * keeps on the constraint). False when it is no constraint's index.
 */
export function alterConstraintIndex(ctx: ReplayContext, schema: string, name: string, change: (c: IndexBackedConstraint) => IndexBackedConstraint): boolean {
  const owner = ctx.draft.constraintIndexes.get(relationKey(schema, name));
  const table = owner === undefined ? undefined : ctx.draft.tables.get(owner);
  if (!table) return false;
  ctx.putTable({
    ...table,
    constraints: table.constraints.map((c) => (c.name === name && isIndexBacked(c) ? change(c) : c)),
  });
  return true;
}
