import type { ObjectKind, ViewDef } from '../../model/objects.js';
import { relationKey } from '../../model/schema-state.js';
import { viewsBlockingTypeChanges } from './views-over-retypes.js';
import type { DiffContext } from '../../diff/diff-context.js';
import * as make from '../../diff/make-change.js';
import { sameValue } from '../../diff/same-value.js';

/** The object kind of a view, as history events and DROP name it. */
export const viewKind = (v: ViewDef): ObjectKind => (v.materialized ? 'materialized view' : 'view');

/**
 * Views and materialized views, compared on the canonical query and the WITH options (column
 * lists and the executable text differ between the two sides by construction). A changed view is replaced in
 * place; a changed materialized view, or a switch between the two kinds, is dropped and created
 * (PostgreSQL has no CREATE OR REPLACE MATERIALIZED VIEW). So is a view that uses a column
 * whose type changes, changed or not: PostgreSQL refuses the type change under it.
 */
export function diffViews(ctx: DiffContext): void {
  const { m, out } = ctx;
  const blocking = viewsBlockingTypeChanges(ctx);
  for (const { key, target } of m.views.created) {
    out.add('view', key, make.createView(target, false));
    ctx.comment(viewKind(target), { schema: target.schema, name: target.name }, target.comment, undefined, target.origin);
  }
  for (const { key, target, live, renamed } of m.views.pairs) {
    const ref = { schema: target.schema, name: target.name };
    if (renamed) out.add('view', key, make.rename(viewKind(live), { schema: live.schema, name: live.name }, ref, target.origin));
    const kindChanged = target.materialized !== live.materialized;
    const blocks = blocking.has(relationKey(live.schema, live.name));
    const changed = target.query !== live.query || !sameValue(target.options ?? [], live.options ?? []);
    if (kindChanged || blocks || (target.materialized && changed)) {
      out.add('view', key, make.drop(viewKind(live), ref, 'replace', target.origin));
      out.add('view', key, make.createView(target, false, true));
      ctx.comment(viewKind(target), ref, target.comment, undefined, target.origin);
      continue;
    }
    // CREATE OR REPLACE VIEW also sets the WITH options to those it names.
    if (changed) out.add('view', key, make.createView(target, true));
    ctx.comment(viewKind(target), ref, target.comment, live.comment, target.origin);
  }
  ctx.liveOnly('view', m.views, viewKind);
}

