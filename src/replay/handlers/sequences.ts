import { relationKey } from '../../model/schema-state.js';
import type { Mutable } from '../../model/mutable.js';
import type { SequenceDef } from '../../model/objects.js';
import { quoteIdent } from '../../model/names.js';
import type { SequenceOptions } from '../../parse/ddl.js';
import { normalizeExpression } from '../../parse/index.js';
import { DEFAULT_SCHEMA, type ReplayContext } from '../context.js';
import { chooseName } from '../naming.js';

const TYPE_MAX: Record<SequenceDef['dataType'], string> = {
  smallint: '32767', integer: '2147483647', bigint: '9223372036854775807',
};
const TYPE_MIN: Record<SequenceDef['dataType'], string> = {
  smallint: '-32768', integer: '-2147483648', bigint: '-9223372036854775808',
};

/**
 * Applies CREATE/ALTER SEQUENCE options to a sequence, with PostgreSQL's defaults: ascending
 * sequences run 1..type max and start at min; descending ones run type min..-1 and start at max.
 */
export function applySequenceOptions(base: SequenceDef | undefined, ref: { schema: string; name: string }, o: SequenceOptions, ctx: ReplayContext): SequenceDef {
  const dataType = o.dataType ?? base?.dataType ?? 'bigint';
  const increment = o.increment ?? base?.increment ?? '1';
  const asc = !increment.startsWith('-');
  const typeChanged = base !== undefined && o.dataType !== undefined && o.dataType !== base.dataType;
  const defMin = asc ? '1' : TYPE_MIN[dataType];
  const defMax = asc ? TYPE_MAX[dataType] : '-1';
  // Changing AS resets bounds that were at the old type's limits, as PostgreSQL does.
  const keepMin = base && !(typeChanged && (base.min === TYPE_MIN[base.dataType] || base.min === '1'));
  const keepMax = base && !(typeChanged && base.max === TYPE_MAX[base.dataType]);
  const min = o.min === null ? defMin : (o.min ?? (keepMin ? base!.min : defMin));
  const max = o.max === null ? defMax : (o.max ?? (keepMax ? base!.max : defMax));
  const start = o.start ?? base?.start ?? (asc ? min : max);
  let ownedBy = base?.ownedBy;
  if (o.ownedBy === null) ownedBy = undefined;
  else if (o.ownedBy) {
    const tableSchema = ctx.schemaOf(o.ownedBy.table);
    if (tableSchema !== ref.schema) ctx.error('sequence must be in the same schema as the table it is owned by');
    ownedBy = { table: o.ownedBy.table.name, column: o.ownedBy.column };
  }
  // Fields in the model's order (JSON output shows it), without object spreads (hot at scale).
  const seq: Mutable<SequenceDef> = {
    schema: ref.schema,
    name: ref.name,
    dataType,
    start,
    increment,
    min,
    max,
    cache: o.cache ?? base?.cache ?? '1',
    cycle: o.cycle ?? base?.cycle ?? false,
  };
  if (ownedBy) seq.ownedBy = ownedBy;
  if (base?.comment !== undefined) seq.comment = base.comment;
  seq.origin = base?.origin ?? ctx.origin;
  return seq;
}

/**
 * Creates the sequence behind a serial or identity column, named as PostgreSQL names it
 * (`<table>_<column>_seq`, with a numeric suffix if taken), and returns its name.
 */
export function createOwnedSequence(
  ctx: ReplayContext,
  schema: string,
  table: string,
  column: string,
  dataType: SequenceDef['dataType'],
  options: SequenceOptions,
): string {
  const name = options.sequenceName?.name ?? chooseName(table, column, 'seq', (n) => ctx.draft.relationExists(schema, n));
  const seq = applySequenceOptions(undefined, { schema, name }, { ...options, dataType: options.dataType ?? dataType }, ctx);
  ctx.draft.sequences.set(relationKey(schema, name), { ...seq, ownedBy: { table, column } });
  return name;
}

/** The default PostgreSQL gives a serial column: `nextval('<seq>'::regclass)`, canonicalised. */
export function nextvalDefault(schema: string, sequence: string): string {
  const regclass = schema === DEFAULT_SCHEMA ? quoteIdent(sequence) : `${quoteIdent(schema)}.${quoteIdent(sequence)}`;
  // The canonical form is what the normaliser makes of it; spelled directly in the common case
  // (no quote or backslash to escape) because parsing it costs more than the rest of a column.
  if (!/['\\]/.test(regclass)) return `nextval('${regclass}')`;
  return normalizeExpression(`nextval('${regclass.replace(/'/g, "''")}'::regclass)`);
}

/** CREATE SEQUENCE. */
export function createSequence(ctx: ReplayContext, ref: { schema?: string; name: string }, ifNotExists: boolean, o: SequenceOptions): void {
  const schema = ctx.schemaOf(ref);
  if (ctx.draft.relationExists(schema, ref.name)) {
    if (!ifNotExists) ctx.error(`relation ${ref.name} already exists`);
    return;
  }
  ctx.draft.sequences.set(relationKey(schema, ref.name), applySequenceOptions(undefined, { schema, name: ref.name }, o, ctx));
}

/** ALTER SEQUENCE. */
export function alterSequence(ctx: ReplayContext, ref: { schema?: string; name: string }, ifExists: boolean, o: SequenceOptions): void {
  const key = ctx.key(ref);
  const seq = ctx.draft.sequences.get(key);
  if (!seq) {
    if (!ifExists) ctx.error(`sequence ${ref.name} does not exist`);
    return;
  }
  ctx.draft.sequences.set(key, applySequenceOptions(seq, seq, o, ctx));
}
