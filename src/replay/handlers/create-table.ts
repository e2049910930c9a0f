import { relationKey } from '../../model/schema-state.js';
import type { Mutable } from '../../model/mutable.js';
import { canonicalPartitionBound, partitionKeyTypes } from '../../model/partition-bound.js';
import type { ColumnDef, ConstraintDef, TableDef } from '../../model/objects.js';
import type { ColumnOverride, ConstraintSpec, Ddl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { buildColumn } from './columns.js';
import { constraintAddition, creationOrder } from './constraints.js';
import { likeChecks, likeColumns, likeIndexes, likeKeySpecs, likeSource } from './table-like.js';

/** CREATE TABLE: columns (serial sequences first), then constraints in PostgreSQL's creation order. */
export function createTable(ctx: ReplayContext, s: Extract<Ddl, { kind: 'createTable' }>): void {
  const schema = ctx.schemaOf(s.table);
  if (!ctx.draft.schemas.has(schema)) {
    ctx.error(`schema "${schema}" does not exist`);
    return;
  }
  if (ctx.draft.relationExists(schema, s.table.name)) {
    if (!s.ifNotExists) ctx.error(`relation "${s.table.name}" already exists`);
    return;
  }
  const names = new Set<string>();
  const columns: ColumnDef[] = [];
  let bound = s.partitionOf?.bound;
  if (s.partitionOf) {
    // A partition takes its parent's columns as they are now. (Constraints PostgreSQL copies onto
    // partitions are not modelled on the partition: they follow from the parent's.)
    const parent = ctx.table(s.partitionOf.parent);
    if (!parent) return;
    bound = canonicalPartitionBound(s.partitionOf.bound, partitionKeyTypes(parent));
    for (const c of parent.columns) {
      const { identity: _i, comment: _c, ...rest } = c;
      columns.push({ ...rest, origin: ctx.origin });
      names.add(c.name);
    }
    for (const o of s.columnOverrides ?? []) {
      const i = columns.findIndex((c) => c.name === o.name);
      if (i < 0) {
        ctx.error(`column "${o.name}" does not exist`);
        continue;
      }
      columns[i] = withOverride(columns[i]!, o);
    }
  }
  const likes = (s.likes ?? []).map((like) => ({ like, source: likeSource(ctx, like) }));
  if (likes.some((l) => !l.source)) return;
  const own = s.partitionOf ? [] : s.columns;
  const add = (c: ColumnDef): void => {
    if (names.has(c.name)) ctx.error(`column "${c.name}" specified more than once`);
    names.add(c.name);
    columns.push(c);
  };
  for (let i = 0; i <= own.length; i++) {
    for (const l of likes) if (l.like.position === i) likeColumns(ctx, { schema, name: s.table.name }, l.like, l.source!).forEach(add);
    if (i < own.length) add(buildColumn(ctx, { schema, name: s.table.name }, own[i]!));
  }
  // Fields in the model's order (JSON output shows it).
  const table = { schema, name: s.table.name, unlogged: s.unlogged } as Mutable<TableDef>;
  if (s.partitionBy !== undefined) table.partitionBy = s.partitionBy;
  if (s.options) table.options = s.options;
  if (s.partitionOf) {
    table.partitionOf = { parent: { schema: ctx.schemaOf(s.partitionOf.parent), name: s.partitionOf.parent.name }, bound: bound! };
  }
  table.columns = columns;
  table.constraints = [];
  table.origin = ctx.origin;
  // The name is taken while the constraints are named; the finished table replaces this copy.
  ctx.draft.tables.set(relationKey(schema, table.name), { ...table });
  const specs = dedupeIndexConstraints([...[...s.columns, ...(s.columnOverrides ?? [])].flatMap((c) => c.constraints), ...s.constraints])
    .map(validOnCreate);
  const pending: string[] = [];
  const constraints: ConstraintDef[] = [];
  table.constraints = constraints;
  const addConstraint = (spec: ConstraintSpec): void => {
    const added = constraintAddition(ctx, table, spec, pending);
    if (added) {
      table.columns = added.columns;
      constraints.push(added.def);
    }
  };
  for (const spec of creationOrder(specs)) addConstraint(spec);
  // LIKE's constraints and indexes come after the table's own, as in PostgreSQL.
  for (const l of likes) {
    constraints.push(...likeChecks(ctx, l.like, l.source!));
    likeKeySpecs(l.like, l.source!).forEach(addConstraint);
  }
  ctx.putTable(table);
  for (const l of likes) likeIndexes(ctx, l.like, l.source!, { schema, name: table.name });
}

/**
 * CREATE TABLE marks its CHECK and foreign key constraints valid whatever they say: the table is
 * empty, so PostgreSQL skips the validation and overrides NOT VALID (transformCheckConstraints,
 * transformFKConstraints).
 */
function validOnCreate(spec: ConstraintSpec): ConstraintSpec {
  return (spec.type === 'check' || spec.type === 'foreign key') && spec.notValid ? { ...spec, notValid: false } : spec;
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * transformIndexConstraints drops index specs identical to an earlier one (the primary key
 * first): `UNIQUE (id)` next to `PRIMARY KEY (id)`, or the same UNIQUE written twice, makes one
 * index; an unnamed survivor takes the duplicate's name.
 */
export function dedupeIndexConstraints(specs: readonly ConstraintSpec[]): ConstraintSpec[] {
  type Keyed = Extract<ConstraintSpec, { type: 'primary key' | 'unique' }>;
  const isKeyed = (s: ConstraintSpec): s is Keyed => s.type === 'primary key' || s.type === 'unique';
  const out = [...specs];
  const kept: Keyed[] = out.filter((s): s is Keyed => s.type === 'primary key');
  for (let i = 0; i < out.length; i++) {
    const s = out[i]!;
    if (!isKeyed(s) || s.type === 'primary key') continue;
    const prior = kept.find(
      (p) =>
        same(p.columns, s.columns) && same(p.include, s.include) && p.deferrable === s.deferrable &&
        p.initiallyDeferred === s.initiallyDeferred && (p.type === 'unique' ? p.nullsNotDistinct : false) === s.nullsNotDistinct,
    );
    if (!prior) {
      kept.push(s);
      continue;
    }
    if (prior.name === undefined && s.name !== undefined) out[out.indexOf(prior)] = { ...prior, name: s.name };
    out.splice(i--, 1);
  }
  return out;
}

/**
 * An inherited column with what the partition says of it: its own DEFAULT (replacing the
 * parent's, as PostgreSQL stores one per relation) and NOT NULL (added; a partition cannot drop
 * the parent's).
 */
function withOverride(col: ColumnDef, o: ColumnOverride): ColumnDef {
  const { default: _d, defaultSql: _s, ...rest } = col;
  const out: Mutable<ColumnDef> = o.default !== undefined ? { ...rest, default: o.default } : { ...col };
  if (o.default !== undefined && o.defaultSql !== undefined) out.defaultSql = o.defaultSql;
  if (o.notNull) out.notNull = true;
  return out;
}
