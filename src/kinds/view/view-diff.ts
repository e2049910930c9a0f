import type { ObjectKind, ViewDef } from '../../model/objects.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { rebuiltViews } from './rebuilt-views.js';
import { drop } from '../drop/drop-change.js';
import { rename } from '../rename/rename-change.js';
import { createView, setViewColumnDefault } from './view-change.js';
import { columnDetail, renamedColumnDetails } from '../../model/view-column-details.js';
import type { ViewColumnDetail } from '../../model/objects.js';
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
    diffColumnDetails(ctx, key, target, []);
  }
  for (const { key, liveKey, target, live, renamed } of ctx.matched(VIEWS).pairs) {
    const ref = { schema: target.schema, name: target.name };
    if (renamed) out.add('view', key, rename(viewKind(live), { schema: live.schema, name: live.name }, ref, target.origin));
    if (rebuilt.target.has(key)) {
      const differs = rebuilt.differs.get(liveKey);
      out.add('view', key, drop(viewKind(live), ref, 'replace', target.origin, undefined, differs !== undefined ? [differs] : []));
      out.add('view', key, createView(target, false, true));
      ctx.comment(viewKind(target), ref, target.comment, undefined, target.origin);
      diffColumnDetails(ctx, key, target, []);
      continue;
    }
    const columns = rebuilt.columns.get(key);
    for (const [from, to] of columns?.kind === 'fits' ? columns.renames : []) {
      out.add('view', key, rename('column', { ...ref, parent: ref.name, name: from }, { ...ref, parent: ref.name, name: to }, target.origin));
    }
    // CREATE OR REPLACE VIEW also sets the WITH options to those it names.
    if (columns?.kind === 'fits' && columns.changed) out.add('view', key, createView(target, true));
    ctx.comment(viewKind(target), ref, target.comment, live.comment, target.origin);
    // Defaults and comments stay on renamed columns: compared under the names they get.
    diffColumnDetails(ctx, key, target, renamedColumnDetails(live.columnDetails, new Map(columns?.kind === 'fits' ? columns.renames : [])));
  }
  ctx.liveOnly('view', ctx.matched(VIEWS), viewKind);
}

/**
 * The output columns' defaults and comments, against `live` (empty for a view the plan creates,
 * or drops and creates: DROP took its attributes along).
 */
function diffColumnDetails(ctx: DiffContext, key: string, target: ViewDef, live: readonly ViewColumnDetail[]): void {
  const names = new Set([...(target.columnDetails ?? []), ...live].map((d) => d.name));
  for (const name of [...names].sort()) {
    const t = columnDetail(target, name);
    const l = live.find((d) => d.name === name) ?? { name };
    if (t.default !== l.default) ctx.out.add('view', key, setViewColumnDefault(target, t, l.default, target.origin));
    ctx.comment('column', { schema: target.schema, parent: target.name, name }, t.comment, l.comment, target.origin);
  }
}
