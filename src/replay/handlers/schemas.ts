import { schemaTextRename } from '../../parse/index.js';
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

/** Schemas every database has that the model leaves out: a rename to one of them finds it taken. */
const SYSTEM_SCHEMAS = new Set(['pg_catalog', 'pg_toast', 'information_schema']);

/**
 * ALTER SCHEMA .. RENAME TO: every object of the schema moves with it and every reference to one
 * follows (movedSchemaState), refused as PostgreSQL refuses it. `public` is not modelled either
 * way: unqualified names resolve to it and the model's texts leave it out, so renaming it (or a
 * schema to it) would change how every unqualified name reads.
 */
export function renameSchema(ctx: ReplayContext, from: string, to: string, ifExists: boolean): void {
  const d = ctx.draft;
  if (SYSTEM_SCHEMAS.has(from)) return ctx.warn(`not modelled: ALTER SCHEMA ${from} RENAME (a system schema: its objects are not modelled)`);
  if (!d.schemas.has(from)) return ifExists ? undefined : ctx.error(`schema "${from}" does not exist`);
  if (d.schemas.has(to) || SYSTEM_SCHEMAS.has(to)) return ctx.error(`schema "${to}" already exists`);
  if (to.startsWith('pg_')) return ctx.error(`unacceptable schema name "${to}": the prefix "pg_" is reserved for system schemas`);
  if (from === 'public' || to === 'public') return ctx.warn('not modelled: ALTER SCHEMA .. RENAME of or to public (unqualified names resolve to public)');
  d.moveSchema(from, to, schemaTextRename(from, to));
  d.history.push({ event: 'rename', object: 'schema', from: { schema: from, name: from }, to: { schema: to, name: to }, origin: ctx.origin });
}
