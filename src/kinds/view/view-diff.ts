import type { ObjectKind, ViewDef } from '../../model/objects.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { rebuiltViews } from './rebuilt-views.js';
import { drop } from '../drop/drop-change.js';
import { rename } from '../rename/rename-change.js';
import { createView } from './view-change.js';
import { VIEWS } from './view-match.js';

/** The object kind of a view, as history events and DROP name it. */
export const viewKind = (v: ViewDef): ObjectKind => (v.materialized ? 'materialized view' : 'view');

/**
 * Views and materialized views, compared on the canonical query and the WITH options (column
 * lists and the executable text differ between the two sides by construction). A changed view
 * is replaced in place (after the history's `RENAME COLUMN`s of it); the views rebuiltViews
 * lists (a changed materialized view, a switch between the two kinds, output columns CREATE OR
 * REPLACE VIEW cannot change, views over a retyped column, and the views using any of these)
 * are dropped and created.
 */
export function diffViews(ctx: DiffContext): void {
  const { out } = ctx;
  const rebuilt = rebuiltViews(ctx);
  for (const { key, target } of ctx.matched(VIEWS).created) {
    out.add('view', key, createView(target, false));
    ctx.comment(viewKind(target), { schema: target.schema, name: target.name }, target.comment, undefined, target.origin);
  }
  for (const { key, liveKey, target, live, renamed } of ctx.matched(VIEWS).pairs) {
    const ref = { schema: target.schema, name: target.name };
    if (renamed) out.add('view', key, rename(viewKind(live), { schema: live.schema, name: live.name }, ref, target.origin));
    if (rebuilt.target.has(key)) {
      const differs = rebuilt.differs.get(liveKey);
      out.add('view', key, drop(viewKind(live), ref, 'replace', target.origin, undefined, differs !== undefined ? [differs] : []));
      out.add('view', key, createView(target, false, true));
      ctx.comment(viewKind(target), ref, target.comment, undefined, target.origin);
      continue;
    }
    const columns = rebuilt.columns.get(key);
    for (const [from, to] of columns?.kind === 'fits' ? columns.renames : []) {
      out.add('view', key, rename('column', { ...ref, parent: ref.name, name: from }, { ...ref, parent: ref.name, name: to }, target.origin));
    }
    // CREATE OR REPLACE VIEW also sets the WITH options to those it names.
    if (columns?.kind === 'fits' && columns.changed) out.add('view', key, createView(target, true));
    ctx.comment(viewKind(target), ref, target.comment, live.comment, target.origin);
  }
  ctx.liveOnly('view', ctx.matched(VIEWS), viewKind);
}
