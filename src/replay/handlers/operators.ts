import { qualify, qualifyOperator, type QualifiedName } from '../../model/names.js';
import type { Mutable } from '../../model/mutable.js';
import type { OperatorDef } from '../../model/objects.js';
import { operatorArgs, operatorKey } from '../../model/schema-state.js';
import type { Ddl, NameRef, OperatorOperands } from '../../parse/ddl.js';
import { objectTextMove } from '../../parse/index.js';
import type { ReplayContext } from '../context.js';

type CreateOperator = Extract<Ddl, { kind: 'createOperator' }>;
type AlterOperator = Extract<Ddl, { kind: 'alterOperator' }>;

/** Comparison symbols PostgreSQL defines for every built-in type pair a migration compares. */
const BUILT_IN_SYMBOLS = new Set(['=', '<>', '<', '>', '<=', '>=']);

/**
 * A function an operator names: a function of the history (unqualified: in `public`, the
 * search_path the model assumes), else a built-in one, in pg_catalog.
 */
function routine(ctx: ReplayContext, ref: NameRef): string {
  if (ref.schema !== undefined) return qualify({ schema: ref.schema, name: ref.name });
  const own = [...ctx.draft.functions.values()].some((f) => f.schema === 'public' && f.name === ref.name);
  return qualify({ schema: own ? 'public' : 'pg_catalog', name: ref.name });
}

/** Operand type texts (undefined: NONE). */
export function operandTexts(ctx: ReplayContext, [l, r]: OperatorOperands): [string | undefined, string | undefined] {
  return [l && ctx.typeText(l), r && ctx.typeText(r)];
}

/** The key of an operator a statement names by symbol and operands. */
export function operatorKeyOf(ctx: ReplayContext, ref: NameRef, operands: OperatorOperands): string {
  const [l, r] = operandTexts(ctx, operands);
  return operatorKey(ctx.schemaOf(ref), ref.name, operatorArgs(l, r));
}

/**
 * The commutator or negator an operator names (its operands are `args`): an operator of the history,
 * the operator itself, a built-in comparison of built-in types, or else the shell PostgreSQL makes
 * in the creation schema (filled in when the history creates it).
 */
function linked(ctx: ReplayContext, ref: NameRef, self: QualifiedName, args: [string | undefined, string | undefined]): QualifiedName {
  if (ref.schema !== undefined) return { schema: ref.schema, name: ref.name };
  const ops = ctx.draft.operators;
  if (ops.has(operatorKey('public', ref.name, operatorArgs(...args)))) return { schema: 'public', name: ref.name };
  if (ref.name === self.name && self.schema === 'public') return self;
  const builtIn = args.every((a) => a === undefined || !a.includes('.'));
  return { schema: builtIn && BUILT_IN_SYMBOLS.has(ref.name) ? 'pg_catalog' : 'public', name: ref.name };
}

/** Splits a `schema.symbol` link (the symbol never contains a dot). */
function linkName(text: string): QualifiedName {
  const dot = text.lastIndexOf('.');
  return { schema: unquote(text.slice(0, dot)), name: text.slice(dot + 1) };
}

function unquote(ident: string): string {
  return ident.startsWith('"') ? ident.slice(1, -1).replace(/""/g, '"') : ident;
}

/**
 * Points `target`'s commutator or negator at `op` when it has none (PostgreSQL's OperatorUpd makes
 * the link mutual that way).
 */
function linkBack(ctx: ReplayContext, target: string | undefined, args: string, field: 'commutator' | 'negator', op: QualifiedName): void {
  if (target === undefined) return;
  const to = linkName(target);
  const key = operatorKey(to.schema, to.name, args);
  const other = ctx.draft.operators.get(key);
  if (other && other[field] === undefined) ctx.draft.operators.set(key, { ...other, [field]: qualifyOperator(op) });
}

/** CREATE OPERATOR (PostgreSQL 14+ has no postfix operators; only binary ones hash, merge or commute). */
export function createOperator(ctx: ReplayContext, s: CreateOperator): void {
  const d = ctx.draft;
  const schema = ctx.schemaOf(s.operator);
  if (!d.schemas.has(schema)) return ctx.error(`schema "${schema}" does not exist`);
  if (s.function.name === '') return ctx.error('operator function must be specified');
  if (s.right === undefined) {
    return ctx.error(s.left === undefined ? 'operator argument types must be specified' : 'operator right argument type must be specified (postfix operators are not supported)');
  }
  const [left, right] = operandTexts(ctx, [s.left, s.right]);
  const args = operatorArgs(left, right);
  const key = operatorKey(schema, s.operator.name, args);
  if (d.operators.has(key)) return ctx.error(`operator ${qualifyOperator({ schema, name: s.operator.name })} already exists`);
  const binary = left !== undefined;
  if (!binary && (s.hashes || s.merges)) return ctx.error(`only binary operators can ${s.hashes ? 'hash' : 'merge join'}`);
  if (!binary && s.commutator) return ctx.error('only binary operators can have commutators');
  const self = { schema, name: s.operator.name };
  const op: Mutable<OperatorDef> = { schema, name: s.operator.name, function: routine(ctx, s.function), hashes: s.hashes, merges: s.merges };
  if (left !== undefined) op.left = left;
  op.right = right;
  if (s.commutator) op.commutator = qualifyOperator(linked(ctx, s.commutator, self, [right, left]));
  if (s.negator) op.negator = qualifyOperator(linked(ctx, s.negator, self, [left, right]));
  if (s.restrict) op.restrict = routine(ctx, s.restrict);
  if (s.join) op.join = routine(ctx, s.join);
  op.origin = ctx.origin;
  d.operators.set(key, op);
  linkBack(ctx, op.commutator, operatorArgs(right, left), 'commutator', self);
  linkBack(ctx, op.negator, args, 'negator', self);
}

/** ALTER OPERATOR .. SET (RESTRICT = .., JOIN = ..). */
export function alterOperator(ctx: ReplayContext, s: AlterOperator): void {
  const key = operatorKeyOf(ctx, s.operator, s.operands);
  const op = ctx.draft.operators.get(key);
  if (!op) return ctx.error(`operator does not exist: ${key}`);
  const next: Mutable<OperatorDef> = { ...op };
  for (const field of ['restrict', 'join'] as const) {
    const v = s[field];
    if (v === null) delete next[field];
    else if (v !== undefined) next[field] = routine(ctx, v);
  }
  ctx.draft.operators.set(key, next);
}

/** The operator a DROP / SET SCHEMA names, or undefined after PostgreSQL's error (unless IF EXISTS). */
function existing(ctx: ReplayContext, ref: NameRef, operands: OperatorOperands | undefined, ifExists: boolean): [string, OperatorDef] | undefined {
  const key = operatorKeyOf(ctx, ref, operands ?? [undefined, undefined]);
  const op = ctx.draft.operators.get(key);
  if (!op && !ifExists) ctx.error(`operator does not exist: ${key}`);
  return op && [key, op];
}

/** DROP OPERATOR: links other operators keep to it are reset, as PostgreSQL's RemoveOperatorById does. */
export function dropOperator(ctx: ReplayContext, ref: NameRef, operands: OperatorOperands | undefined, ifExists: boolean): void {
  const d = ctx.draft;
  const found = existing(ctx, ref, operands, ifExists);
  if (!found) return;
  const [key, op] = found;
  d.operators.delete(key);
  const same = (q: string | undefined): boolean => q === qualifyOperator(op);
  for (const [k, o] of d.operators) {
    const next: Mutable<OperatorDef> = { ...o };
    if (same(o.commutator) && o.left === op.right && o.right === op.left) delete next.commutator;
    if (same(o.negator) && o.left === op.left && o.right === op.right) delete next.negator;
    if (next.commutator !== o.commutator || next.negator !== o.negator) d.operators.set(k, next);
  }
  d.history.push({ event: 'drop', object: 'operator', ref: { schema: op.schema, name: op.name }, origin: ctx.origin });
}

/**
 * ALTER OPERATOR .. SET SCHEMA: the operator moves, recorded as a rename (a live copy at the old
 * place is moved too); the expressions using it follow (PostgreSQL holds its OID).
 */
export function moveOperator(ctx: ReplayContext, ref: NameRef, operands: OperatorOperands | undefined, newSchema: string, ifExists: boolean): void {
  const d = ctx.draft;
  const found = existing(ctx, ref, operands, ifExists);
  if (!found) return;
  const [key, op] = found;
  if (!d.schemas.has(newSchema)) return ctx.error(`schema "${newSchema}" does not exist`);
  const newKey = operatorKey(newSchema, op.name, operatorArgs(op.left, op.right));
  if (d.operators.has(newKey)) return ctx.error(`operator ${qualifyOperator({ schema: newSchema, name: op.name })} already exists in schema "${newSchema}"`);
  d.operators.delete(key);
  d.operators.set(newKey, { ...op, schema: newSchema });
  // Checks, defaults, index keys, views, policies and bodies using it print `OPERATOR(s.op)`.
  d.follow(objectTextMove(op, 'operator', newSchema));
  d.history.push({ event: 'rename', object: 'operator', from: { schema: op.schema, name: op.name }, to: { schema: newSchema, name: op.name }, origin: ctx.origin });
}
