import type { Mutable } from '../../model/mutable.js';
import type { IndexDef } from '../../model/objects.js';
import { relationKey } from '../../model/schema-state.js';
import type { Ddl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { withoutDefaultOpclasses } from '../index-keys.js';
import { chooseName, dedupeColumnNames, nameAddition } from '../naming.js';

/** CREATE INDEX on a table or materialized view; PostgreSQL names an unnamed one `<table>_<columns>_idx`, unique or not. */
export function createIndex(ctx: ReplayContext, s: Extract<Ddl, { kind: 'createIndex' }>): void {
  const rel = ctx.relationFor(s.table, 'index');
  if (!rel) return;
  const { schema, table } = rel;
  const name =
    s.name ?? chooseName(rel.name, nameAddition(dedupeColumnNames(s.keyNames)), 'idx', (n) => ctx.draft.relationExists(schema, n));
  if (ctx.draft.relationExists(schema, name)) {
    if (!s.ifNotExists) ctx.error(`relation "${name}" already exists`);
    return;
  }
  // A materialized view's columns are not modelled: PostgreSQL checks them when it builds one.
  const missing = table && s.keys.find((k) => k.column !== undefined && !table.columns.some((c) => c.name === k.column));
  if (missing) {
    ctx.error(`column "${missing.column}" does not exist`);
    return;
  }
  // Fields in the model's order (JSON output shows it), without object spreads (hot at scale).
  const index: Partial<Mutable<IndexDef>> = {
    schema,
    name,
    table: rel.name,
    unique: s.unique,
    method: s.method,
    keys: table ? withoutDefaultOpclasses(s.keys, s.method, table, ctx.draft) : s.keys,
    include: s.include,
  };
  if (s.where !== undefined) index.where = s.where;
  if (s.whereSql !== undefined) index.whereSql = s.whereSql;
  index.nullsNotDistinct = s.nullsNotDistinct;
  if (s.concurrently) index.concurrently = true;
  if (s.options) index.options = s.options;
  index.origin = ctx.origin;
  ctx.draft.indexes.set(relationKey(schema, name), index as IndexDef);
}
