import type { DiffContext } from '../../diff/diff-context.js';
import { createSchema } from './schema-change.js';
import { rename } from '../rename/rename-change.js';
import { SCHEMAS } from './schema-match.js';

/**
 * Schemas: rename (the live database lacks a rename the history made: the diff compares everything
 * else as if it had run, see pendingSchemaRenames), create, comment, drop or report.
 */
export function diffSchemas(ctx: DiffContext): void {
  const { out } = ctx;
  for (const r of ctx.schemaRenames) out.add('schema', r.to, rename('schema', { schema: r.from, name: r.from }, { schema: r.to, name: r.to }, r.origin));
  for (const { key, target } of ctx.matched(SCHEMAS).created) {
    out.add('schema', key, createSchema(target));
    ctx.comment('schema', { schema: target.name, name: target.name }, target.comment, undefined, target.origin);
  }
  for (const { target, live } of ctx.matched(SCHEMAS).pairs) {
    ctx.comment('schema', { schema: target.name, name: target.name }, target.comment, live.comment, target.origin);
  }
  for (const { key, live } of ctx.matched(SCHEMAS).liveOnly) {
    const ref = { schema: live.name, name: live.name };
    const ev = ctx.pendingDrop('schema', ref);
    if (ev) out.add('schema', key, ctx.dropChange('schema', ref, ev));
    else out.addUnmanaged('schema', ref);
  }
}
