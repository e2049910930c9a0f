import type { Ddl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';

/** CREATE SCHEMA [IF NOT EXISTS]. */
export function createSchema(ctx: ReplayContext, s: Extract<Ddl, { kind: 'createSchema' }>): void {
  if (ctx.draft.schemas.has(s.name)) {
    if (!s.ifNotExists) ctx.error(`schema "${s.name}" already exists`);
    return;
  }
  ctx.draft.schemas.set(s.name, { name: s.name, origin: ctx.origin });
}

/** CREATE EXTENSION [IF NOT EXISTS]: the extension is modelled, the objects it brings are not. */
export function createExtension(ctx: ReplayContext, s: Extract<Ddl, { kind: 'createExtension' }>): void {
  if (ctx.draft.extensions.has(s.name)) {
    if (!s.ifNotExists) ctx.error(`extension "${s.name}" already exists`);
    return;
  }
  ctx.draft.extensions.set(s.name, { name: s.name, ...(s.schema !== undefined ? { schema: s.schema } : {}), origin: ctx.origin });
}
