import type { IndexDef } from '../../model/objects.js';
import { relationKey } from '../../model/schema-state.js';
import { indexUses } from '../../diff/column-mentions.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { differingAttributes, differs } from '../../diff/diff-context.js';
import { isCreatedKey } from '../../diff/pairing.js';
import { attachTakes, detachBrings } from '../table/partition-moves.js';
import { rebuiltViews } from '../view/rebuilt-views.js';
import { droppedColumns } from '../column/column-drops.js';
import { drop } from '../drop/drop-change.js';
import { createIndex } from './index-change.js';
import { INDEXES } from './index-match.js';
import { targetNamedIndex } from './index-names.js';
import { rename } from '../rename/rename-change.js';
import { TABLES } from '../table/table-match.js';
import { VIEWS } from '../view/view-match.js';

/** Is the index's table (or materialized view) created by this diff? Then the index is built on an empty relation. */
function onNewRelation(ctx: DiffContext, idx: IndexDef): boolean {
  const k = relationKey(idx.schema, idx.table);
  return isCreatedKey(ctx.matched(TABLES), k) || isCreatedKey(ctx.matched(VIEWS), k);
}

/**
 * Stand-alone indexes: create, rename, rebuild (PostgreSQL cannot alter an index's definition:
 * drop and create), comment, drop or report. An index of a live-only relation, or on a column
 * the history drops, goes with it. An index of a materialized view the diff drops and creates
 * again (rebuiltViews) went with the old one: it is created again.
 */
export function diffIndexes(ctx: DiffContext): void {
  const { out } = ctx;
  const rebuilt = rebuiltViews(ctx).live;
  for (const { key, target } of ctx.matched(INDEXES).created) {
    // A clone of the live parent's index, which DETACH PARTITION makes the table's own.
    const table = ctx.target.tables.get(relationKey(target.schema, target.table));
    if (table && detachBrings(ctx, table, target)) continue;
    out.add('index', key, createIndex(target, onNewRelation(ctx, target)));
    ctx.comment('index', { schema: target.schema, name: target.name }, target.comment, undefined, target.origin);
  }
  for (const { key, target, live } of ctx.matched(INDEXES).pairs) {
    const ref = { schema: target.schema, name: target.name };
    if (rebuilt.has(relationKey(live.schema, live.table))) {
      out.add('index', key, createIndex(target, false));
      ctx.comment('index', ref, target.comment, undefined, target.origin);
      continue;
    }
    // An index follows its table's SET SCHEMA; only its own name needs a rename.
    if (live.name !== target.name) out.add('index', key, rename('index', { schema: target.schema, name: live.name }, ref, target.origin));
    const normalized = targetNamedIndex(ctx.names, live);
    if (differs(target, normalized)) {
      out.add('index', key, drop('index', ref, 'replace', target.origin, undefined, differingAttributes(target, normalized)));
      out.add('index', key, createIndex(target, false, true));
      ctx.comment('index', ref, target.comment, undefined, target.origin);
    } else ctx.comment('index', ref, target.comment, live.comment, target.origin);
  }
  ctx.liveOnly('index', ctx.matched(INDEXES), () => 'index', (idx) => {
    const table = { schema: idx.schema, name: idx.table };
    return ctx.relationGoes(table) || indexUses(idx, new Set(droppedColumns(ctx, table))) || attachTakes(ctx, table, idx);
  });
}
