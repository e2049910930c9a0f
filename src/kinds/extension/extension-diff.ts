import type { DiffContext } from '../../diff/diff-context.js';
import * as make from '../../diff/make-change.js';
/**
 * Extensions: create, drop or report. Their schema is not compared: introspection always knows
 * it, a migration only when it said WITH SCHEMA.
 */
export function diffExtensions(ctx: DiffContext): void {
  const { m, out } = ctx;
  for (const { key, target } of m.extensions.created) out.add('extension', key, make.createExtension(target));
  for (const { key, live } of m.extensions.liveOnly) {
    const ref = { schema: live.schema ?? 'public', name: live.name };
    const ev = ctx.pendingDrop('extension', ref);
    if (ev) out.add('extension', key, ctx.dropChange('extension', ref, ev));
    else out.addUnmanaged('extension', ref);
  }
}
