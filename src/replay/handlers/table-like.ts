import type { Mutable } from '../../model/mutable.js';
import type { ColumnDef, ConstraintDef, IndexDef, TableDef } from '../../model/objects.js';
import { relationKey } from '../../model/schema-state.js';
import { isIndexBacked } from '../../model/index-backed.js';
import type { ConstraintSpec, LikeClause } from '../../parse/ddl.js';
import { indexKeyName } from '../../parse/index.js';
import type { ReplayContext } from '../context.js';
import { chooseName, nameAddition } from '../naming.js';
import { createOwnedSequence } from './sequences.js';

/** The table a LIKE clause copies from, or undefined (reported) when it is not one. */
export function likeSource(ctx: ReplayContext, like: LikeClause): TableDef | undefined {
  return ctx.table(like.source);
}

/**
 * The columns `LIKE source` copies: names, types, collations and NOT NULL always; defaults,
 * generation expressions, identity (with a new sequence named for the new table, the source
 * sequence's options) and comments only when included. A generated column copied without
 * INCLUDING GENERATED becomes a plain column, as in PostgreSQL.
 */
export function likeColumns(ctx: ReplayContext, table: { schema: string; name: string }, like: LikeClause, source: TableDef): ColumnDef[] {
  const inc = like.including;
  return source.columns.map((c) => {
    const col: Mutable<ColumnDef> = { name: c.name, type: c.type, notNull: c.notNull };
    if (c.default !== undefined && c.generated === undefined && inc.defaults) {
      col.default = c.default;
      if (c.defaultSql !== undefined) col.defaultSql = c.defaultSql;
    }
    if (c.identity && inc.identity) {
      const seq = c.identity.sequence ? ctx.draft.sequences.get(relationKey(source.schema, c.identity.sequence)) : undefined;
      const options = seq ? { start: seq.start, increment: seq.increment, min: seq.min, max: seq.max, cache: seq.cache, cycle: seq.cycle } : {};
      const name = createOwnedSequence(ctx, table.schema, table.name, c.name, seq?.dataType ?? 'bigint', options);
      col.identity = { always: c.identity.always, sequence: name };
    }
    if (c.generated !== undefined && inc.generated) {
      col.generated = c.generated;
      if (c.generatedSql !== undefined) col.generatedSql = c.generatedSql;
    }
    if (c.collation !== undefined) col.collation = c.collation;
    if (c.comment !== undefined && inc.comments) col.comment = c.comment;
    col.origin = ctx.origin;
    return col;
  });
}

/** A copied CHECK: same name, valid (the new table is empty), comment only when included. */
function copiedCheck(ctx: ReplayContext, c: Extract<ConstraintDef, { type: 'check' }>, comments: boolean): ConstraintDef {
  const { comment, origin: _o, ...rest } = c;
  return { ...rest, validated: true, ...(comments && comment !== undefined ? { comment } : {}), origin: ctx.origin };
}

/** A source key or exclusion constraint as an unnamed spec: the new table names its copy as PostgreSQL would. */
function unnamedSpec(c: ConstraintDef, comments: boolean): ConstraintSpec | undefined {
  // The copied index keeps the storage parameters and (INCLUDING COMMENTS) the index's comment,
  // not the constraint's (generateClonedIndexStmt).
  const index = isIndexBacked(c) ? { ...(c.options ? { options: c.options } : {}), ...(comments && c.indexComment !== undefined ? { indexComment: c.indexComment } : {}) } : {};
  const base = { deferrable: c.deferrable, initiallyDeferred: c.initiallyDeferred, ...index };
  switch (c.type) {
    case 'primary key': return { ...base, type: 'primary key', columns: c.columns, include: c.include };
    case 'unique': return { ...base, type: 'unique', columns: c.columns, include: c.include, nullsNotDistinct: c.nullsNotDistinct };
    case 'exclude':
      return {
        ...base, type: 'exclude', method: c.method, keys: c.keys, include: c.include,
        ...(c.where !== undefined ? { where: c.where } : {}), ...(c.whereSql !== undefined ? { whereSql: c.whereSql } : {}),
      };
    case 'check':
    case 'foreign key':
      return undefined;
    default: {
      const unhandled: never = c;
      throw new Error(`unhandled constraint: ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * The CHECK constraints LIKE copies (INCLUDING CONSTRAINTS), which PostgreSQL adds once the new
 * table has its own columns and constraints (expandTableLikeClause). Foreign keys are never copied.
 */
export function likeChecks(ctx: ReplayContext, like: LikeClause, source: TableDef): ConstraintDef[] {
  if (!like.including.constraints) return [];
  return source.constraints.flatMap((c) => (c.type === 'check' ? [copiedCheck(ctx, c, like.including.comments)] : []));
}

/**
 * The source's primary key, unique and exclusion constraints as unnamed specs (INCLUDING
 * INDEXES), added after the copied CHECKs: the new table names each copy as PostgreSQL would.
 */
export function likeKeySpecs(like: LikeClause, source: TableDef): ConstraintSpec[] {
  if (!like.including.indexes) return [];
  return source.constraints.flatMap((c) => {
    const spec = unnamedSpec(c, like.including.comments);
    return spec ? [spec] : [];
  });
}

/** The source's plain indexes copied onto the new table (INCLUDING INDEXES), each named as PostgreSQL names a cloned index. */
export function likeIndexes(ctx: ReplayContext, like: LikeClause, source: TableDef, table: { schema: string; name: string }): void {
  if (!like.including.indexes) return;
  for (const idx of ctx.draft.indexes.values()) {
    if (idx.schema !== source.schema || idx.table !== source.name) continue;
    const { concurrently: _c, comment, origin: _o, name: _n, ...rest } = idx;
    const names = idx.keys.map((k) => k.column ?? indexKeyName(k.expression ?? ''));
    const name = chooseName(table.name, nameAddition(names), 'idx', (n) => ctx.draft.relationExists(table.schema, n));
    const copy: IndexDef = {
      ...rest, schema: table.schema, name, table: table.name,
      ...(like.including.comments && comment !== undefined ? { comment } : {}), origin: ctx.origin,
    };
    ctx.draft.indexes.set(relationKey(table.schema, name), copy);
  }
}
