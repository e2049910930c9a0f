import type { DiffContext } from '../../diff/diff-context.js';
import { createExtension } from './extension-change.js';
import { EXTENSIONS } from './extension-match.js';
/**
 * Extensions: create, drop or report. Their schema is not compared: introspection always knows
 * it, a migration only when it said WITH SCHEMA.
 */
export function diffExtensions(ctx: DiffContext): void {
  const { out } = ctx;
  for (const { key, target } of ctx.matched(EXTENSIONS).created) out.add('extension', key, createExtension(target));
  for (const { key, live } of ctx.matched(EXTENSIONS).liveOnly) {
    const ref = { schema: live.schema ?? 'public', name: live.name };
    const ev = ctx.pendingDrop('extension', ref);
    if (ev) out.add('extension', key, ctx.dropChange('extension', ref, ev));
    else out.addUnmanaged('extension', ref);
  }
}
