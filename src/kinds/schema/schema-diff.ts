import type { DiffContext } from '../../diff/diff-context.js';
import * as make from '../../diff/make-change.js';

/** Schemas: create, comment, drop or report. PostgreSQL has no schema rename the history models. */
export function diffSchemas(ctx: DiffContext): void {
  const { m, out } = ctx;
  for (const { key, target } of m.schemas.created) {
    out.add('schema', key, make.createSchema(target));
    ctx.comment('schema', { schema: target.name, name: target.name }, target.comment, undefined, target.origin);
  }
  for (const { target, live } of m.schemas.pairs) {
    ctx.comment('schema', { schema: target.name, name: target.name }, target.comment, live.comment, target.origin);
  }
  for (const { key, live } of m.schemas.liveOnly) {
    const ref = { schema: live.name, name: live.name };
    const ev = ctx.pendingDrop('schema', ref);
    if (ev) out.add('schema', key, make.drop('schema', ref, 'history', ev.origin));
    else out.addUnmanaged('schema', ref);
  }
}

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
    if (ev) out.add('extension', key, make.drop('extension', ref, 'history', ev.origin));
    else out.addUnmanaged('extension', ref);
  }
}
