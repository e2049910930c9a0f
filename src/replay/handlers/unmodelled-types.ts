import { quoteIdent } from '../../model/names.js';
import { relationKey } from '../../model/schema-state.js';
import type { Ddl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { unmodelledTypeWhy } from './privileges.js';
import { typeExists } from './type-users.js';

type CreateBaseType = Extract<Ddl, { kind: 'createBaseType' }>;

/**
 * CREATE TYPE t (a shell) or CREATE TYPE t (INPUT = ..) (a base type): neither is modelled (a
 * warning says so), but the draft remembers the name so that what names the type later (DROP,
 * COMMENT, GRANT, OWNER TO) behaves as in PostgreSQL. A base type fills in a shell of its name;
 * any other taken name is refused, as TypeCreate does.
 */
export function createUnmodelledType(ctx: ReplayContext, s: CreateBaseType): void {
  const d = ctx.draft;
  const key = ctx.key(s.type);
  const existing = d.baseTypes.get(key);
  if (typeExists(d, key) || existing === false || (existing === true && s.shell)) return ctx.error(`type "${s.type.name}" already exists`);
  d.baseTypes.set(key, s.shell);
  ctx.warn(`not modelled: ${s.what} statement (replay continues without it): ${s.why}`);
}

/** How routine text names type `key`, as written in the history (qualified, or bare when it resolves to its schema), arrays and SETOF aside. */
function namesType(ctx: ReplayContext, schema: string, name: string): (typeText: string) => boolean {
  const spellings = new Set([relationKey(schema, name)]);
  if (ctx.schemaOf({ name }) === schema) spellings.add(name).add(quoteIdent(name));
  return (typeText) => spellings.has(typeText.replace(/^SETOF /, '').replace(/(\[\])+$/, ''));
}

/**
 * DROP TYPE of a shell or base type (false when the history made none of that name): its
 * input and output functions, and any other routine taking or returning it, depend on it, so
 * PostgreSQL refuses the drop while one exists unless CASCADE, which drops them too.
 */
export function dropUnmodelledType(ctx: ReplayContext, schema: string, name: string, cascade: boolean): boolean {
  const d = ctx.draft;
  const key = relationKey(schema, name);
  if (!d.baseTypes.has(key)) return false;
  const names = namesType(ctx, schema, name);
  const users = [...d.functions.entries()].filter(([, f]) => (f.returns !== undefined && names(f.returns)) || f.identityArgs.split(', ').some(names));
  if (users.length && !cascade) {
    ctx.error(`cannot drop type ${key} because other objects depend on it (function ${users[0]![0]})`);
    return true;
  }
  for (const [k, f] of users) {
    d.functions.delete(k);
    d.history.push({ event: 'drop', object: 'function', ref: { schema: f.schema, name: f.name }, origin: ctx.origin });
  }
  d.baseTypes.delete(key);
  d.shellComments.delete(key);
  return true;
}

/**
 * COMMENT ON TYPE of a shell or base type: not applied (the type is not modelled), a warning
 * says so. A shell's comment is kept in the draft all the same: a CREATE TYPE that fills the
 * shell in keeps it (see claimTypeName).
 */
export function commentUnmodelledType(ctx: ReplayContext, key: string, text: string | null): void {
  const d = ctx.draft;
  const shell = d.baseTypes.get(key)!;
  if (shell && text !== null && text !== '') d.shellComments.set(key, text);
  else d.shellComments.delete(key);
  const kept = shell ? ' while it is a shell (a CREATE TYPE that fills the shell in keeps the comment, and schema-sync then manages it)' : '';
  ctx.warn(`not modelled: COMMENT ON TYPE ${key}: ${unmodelledTypeWhy(shell, 'comment is')}${kept} (replay continues without it)`);
}
