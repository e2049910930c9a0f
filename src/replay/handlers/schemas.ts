import { schemaTextRename } from '../../parse/index.js';
import type { Ddl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { extensionFacts, extensionSchema } from '../../model/extension-catalog.js';
import { relationKey } from '../../model/schema-state.js';
import { retypeUsers, typeExists } from './type-users.js';

/** CREATE SCHEMA [IF NOT EXISTS]. */
export function createSchema(ctx: ReplayContext, s: Extract<Ddl, { kind: 'createSchema' }>): void {
  if (ctx.draft.schemas.has(s.name)) {
    if (!s.ifNotExists) ctx.error(`schema "${s.name}" already exists`);
    return;
  }
  ctx.draft.schemas.set(s.name, { name: s.name, origin: ctx.origin });
}

/** CREATE EXTENSION [IF NOT EXISTS]: the extension is modelled, the objects it brings are not (nor a VERSION named: a warning). */
export function createExtension(ctx: ReplayContext, s: Extract<Ddl, { kind: 'createExtension' }>): void {
  if (ctx.draft.extensions.has(s.name)) {
    if (!s.ifNotExists) ctx.error(`extension "${s.name}" already exists`);
    return;
  }
  ctx.draft.extensions.set(s.name, { name: s.name, ...(s.schema !== undefined ? { schema: s.schema } : {}), origin: ctx.origin });
  if (s.version !== undefined) versionNotModelled(ctx, `CREATE EXTENSION .. VERSION '${s.version}'`);
}

/** The warning for a version a history names: versions are the server's, never compared. */
function versionNotModelled(ctx: ReplayContext, what: string): void {
  ctx.warn(
    `not modelled: ${what}: an extension's version is the server's (its packages decide which versions exist) ` +
      'and pg_dump --schema-only does not print it; apply creates the default version and check does not compare versions',
  );
}

/**
 * ALTER EXTENSION .. SET SCHEMA, checked in PostgreSQL's order: the extension, the schema, already
 * there (nothing to do), relocatable (its control file), a member type's name taken in the new
 * schema. PostgreSQL moves every member object; the model holds only the extension and what names
 * its types, which PostgreSQL stores by OID and then prints with the new schema (`b.citext`).
 * For an extension the catalog does not know, the move is recorded with a warning saying what is
 * not known.
 */
export function moveExtension(ctx: ReplayContext, name: string, to: string): void {
  const d = ctx.draft;
  // plpgsql is in every database, outside the model (introspection skips it too).
  const e = d.extensions.get(name) ?? (name === 'plpgsql' ? { name } : undefined);
  if (!e) return ctx.error(`extension "${name}" does not exist`);
  const from = extensionSchema(e);
  if (from === to) return;
  if (!d.schemas.has(to)) return ctx.error(`schema "${to}" does not exist`);
  const facts = extensionFacts(name);
  if (facts && !facts.relocatable) return ctx.error(`extension "${name}" does not support SET SCHEMA`);
  const taken = facts?.types.find((t) => typeExists(d, relationKey(to, t)));
  if (taken !== undefined) return ctx.error(`type "${taken}" already exists in schema "${to}"`);
  d.extensions.set(name, { ...e, schema: to });
  if (!facts) {
    return ctx.warn(
      `extension "${name}" is not one whose control file schema-sync knows (docs/COVERAGE.md lists them): its schema is now "${to}", ` +
        'but whether PostgreSQL can move it (its control file\'s `relocatable`) and which types it brings are unknown, so columns of its types keep their old schema in the model',
    );
  }
  for (const t of facts.types) retypeUsers(d, relationKey(from!, t), relationKey(to, t));
}

/**
 * ALTER EXTENSION .. UPDATE [TO version]: only the extension's version changes (its script may add
 * or change member objects, which the model does not hold). Without TO it installs the default
 * version, the one CREATE EXTENSION gives a fresh database: nothing to model. A version named is not
 * modelled: it is the server's (its packages decide which exist), pg_dump --schema-only does not
 * print it, apply creates the server's default and check does not compare versions.
 */
export function updateExtension(ctx: ReplayContext, s: Extract<Ddl, { kind: 'updateExtension' }>): void {
  if (!ctx.draft.extensions.has(s.name)) return ctx.error(`extension "${s.name}" does not exist`);
  if (s.version !== undefined) versionNotModelled(ctx, `ALTER EXTENSION .. UPDATE TO '${s.version}'`);
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
