import { rewrittenDefault } from './columns.js';
import { relationKey, triggerKey } from '../../model/schema-state.js';
import type { ObjectKind } from '../../model/objects.js';
import { objectTextMove } from '../../parse/index.js';
import type { Ddl, NameRef } from '../../parse/ddl.js';
import { nextvalDefault } from './sequences.js';
import type { ReplayContext } from '../context.js';
import { retypeUsers } from './type-users.js';
import { moveCollation } from './collations.js';
import { moveOperator } from './operators.js';
import { movePolicies } from './policies.js';
import { findAggregate, moveAggregate } from './aggregates.js';
import { findRoutine, moveFunction } from './routine-lookup.js';
import { moveRules } from './rules.js';
import { moveExtension } from './schemas.js';

/**
 * ALTER TABLE .. SET SCHEMA moves the table with its indexes, constraints, owned sequences and
 * triggers (PostgreSQL moves everything that depends on it and lives in its namespace).
 */
function moveTable(ctx: ReplayContext, ref: NameRef, to: string, ifExists: boolean): void {
  const d = ctx.draft;
  const t = ctx.table(ref, ifExists);
  if (!t) return;
  if (d.relationExists(to, t.name)) return ctx.error(`relation "${t.name}" already exists in schema "${to}"`);
  const from = t.schema;
  d.trackConstraints(t, t.constraints, -1);
  d.tables.delete(relationKey(from, t.name));
  const moved = { ...t, schema: to };
  d.tables.set(relationKey(to, t.name), moved);
  d.trackConstraints(moved, moved.constraints, 1);
  const moveIn = <T extends { schema: string; name: string }>(map: Map<string, T>, belongs: (o: T) => boolean, key: (o: T) => string): void => {
    for (const [k, o] of [...map]) {
      if (o.schema !== from || !belongs(o)) continue;
      map.delete(k);
      const n = { ...o, schema: to };
      map.set(key(n), n);
    }
  };
  moveIn(d.indexes, (i) => i.table === t.name, (i) => relationKey(i.schema, i.name));
  moveIn(d.sequences, (q) => q.ownedBy?.table === t.name, (q) => relationKey(q.schema, q.name));
  moveIn(d.triggers, (g) => g.table === t.name, (g) => triggerKey(g.schema, g.table, g.name));
  movePolicies(ctx, t, { schema: to, name: t.name });
  moveRules(d, t, { schema: to, name: t.name });
  // FKs, views, policies, rules, checks and index keys naming it follow (PostgreSQL holds its OID).
  d.follow(objectTextMove({ schema: from, name: t.name }, 'relation', to));
  // Defaults name their sequence with its schema once it is off the search path.
  const oldDefaults = new Map<string, string>();
  for (const q of d.sequences.values()) {
    if (q.schema === to && q.ownedBy?.table === t.name) oldDefaults.set(nextvalDefault(from, q.name), nextvalDefault(to, q.name));
  }
  const cur = d.tables.get(relationKey(to, t.name))!;
  d.tables.set(relationKey(to, t.name), {
    ...cur,
    columns: cur.columns.map((c) => (c.default !== undefined && oldDefaults.has(c.default) ? rewrittenDefault(c, oldDefaults.get(c.default)!) : c)),
  });
  d.history.push({ event: 'rename', object: 'table', from: { schema: from, name: t.name }, to: { schema: to, name: t.name }, origin: ctx.origin });
}

/**
 * ALTER SEQUENCE .. SET SCHEMA: PostgreSQL moves only a sequence no column owns; the defaults
 * calling it print its new schema (`nextval('app.s'::regclass)`).
 */
function moveSequence(ctx: ReplayContext, ref: NameRef, to: string, ifExists: boolean): void {
  const d = ctx.draft;
  const from = ctx.schemaOf(ref);
  const seq = d.sequences.get(relationKey(from, ref.name));
  if (!seq) return ifExists ? undefined : ctx.error(`relation ${relationKey(from, ref.name)} does not exist`);
  if (seq.ownedBy) return ctx.error(`cannot move an owned sequence into another schema (sequence "${seq.name}" is linked to table "${seq.ownedBy.table}")`);
  if (d.relationExists(to, seq.name)) return ctx.error(`relation "${seq.name}" already exists in schema "${to}"`);
  d.sequences.delete(relationKey(from, seq.name));
  d.sequences.set(relationKey(to, seq.name), { ...seq, schema: to });
  d.follow(objectTextMove({ schema: from, name: seq.name }, 'relation', to));
  const [before, after] = [nextvalDefault(from, seq.name), nextvalDefault(to, seq.name)];
  for (const [k, t] of d.tables) {
    if (t.columns.some((c) => c.default === before)) d.tables.set(k, { ...t, columns: t.columns.map((c) => (c.default === before ? rewrittenDefault(c, after) : c)) });
  }
  d.history.push({ event: 'rename', object: 'sequence', from: { schema: from, name: seq.name }, to: { schema: to, name: seq.name }, origin: ctx.origin });
}

/**
 * ALTER .. SET SCHEMA for tables, sequences, types, views, routines, aggregates, collations, operators and extensions; other kinds are reported as not modelled.
 */
export function setSchema(ctx: ReplayContext, s: Extract<Ddl, { kind: 'setSchema' }>): void {
  const d = ctx.draft;
  // PostgreSQL looks the extension up before the schema (and has no IF EXISTS here).
  if (s.target === 'extension') return moveExtension(ctx, s.object.name, s.newSchema);
  if (!d.schemas.has(s.newSchema)) return ctx.error(`schema "${s.newSchema}" does not exist`);
  const from = ctx.schemaOf(s.object);
  const key = relationKey(from, s.object.name);
  const newKey = relationKey(s.newSchema, s.object.name);
  const historyKind = (map: Map<string, unknown>): ObjectKind =>
    map === d.domains ? 'domain' : map === d.compositeTypes ? 'composite type' : map === d.rangeTypes ? 'range type' : s.target === 'type' ? 'enum' : (s.target as 'sequence');
  const move = <T extends { schema: string; name: string }>(map: Map<string, T>): boolean => {
    const o = map.get(key);
    if (!o) return false;
    const isType = [d.domains, d.enums, d.compositeTypes, d.rangeTypes].includes(map as Map<string, never>);
    map.delete(key);
    map.set(newKey, { ...o, schema: s.newSchema });
    if (isType) retypeUsers(d, key, newKey);
    d.follow(objectTextMove({ schema: from, name: s.object.name }, isType ? 'type' : 'relation', s.newSchema));
    for (const c of d.domains.get(newKey)?.checks ?? []) {
      d.trackConstraintName(from, c.name, -1);
      d.trackConstraintName(s.newSchema, c.name, 1);
    }
    d.history.push({
      event: 'rename', object: historyKind(map as Map<string, unknown>), origin: ctx.origin,
      from: { schema: from, name: s.object.name }, to: { schema: s.newSchema, name: s.object.name },
    });
    return true;
  };
  switch (s.target) {
    case 'type':
    case 'domain':
      if (!move(d.domains) && (s.target === 'domain' || !(move(d.enums) || move(d.compositeTypes) || move(d.rangeTypes))) && !s.ifExists) ctx.error(`type ${key} does not exist`);
      return;
    case 'view':
    case 'materialized view':
      if (move(d.views)) moveRules(d, { schema: from, name: s.object.name }, { schema: s.newSchema, name: s.object.name });
      else if (!s.ifExists) ctx.error(`view ${key} does not exist`);
      return;
    case 'function':
    case 'procedure':
    case 'routine': {
      // ALTER FUNCTION and ALTER ROUTINE .. SET SCHEMA take aggregates too.
      const found = findRoutine(ctx, s.object, s.args, s.target, s.ifExists);
      if (!found) return;
      const to = { schema: s.newSchema, name: s.object.name };
      if (found.routine === 'aggregate') return moveAggregate(ctx, found.key, to);
      const f = d.functions.get(found.key)!;
      if (moveFunction(ctx, found.key, to)) d.follow(objectTextMove(f, 'routine', s.newSchema));
      return;
    }
    case 'aggregate': {
      const k = findAggregate(ctx, s.object, s.args, s.ifExists);
      if (k !== undefined) moveAggregate(ctx, k, { schema: s.newSchema, name: s.object.name });
      return;
    }
    case 'table':
      return moveTable(ctx, s.object, s.newSchema, s.ifExists);
    case 'sequence':
      return moveSequence(ctx, s.object, s.newSchema, s.ifExists);
    case 'collation':
      return moveCollation(ctx, key, { schema: s.newSchema, name: s.object.name }, s.ifExists);
    case 'operator':
      return moveOperator(ctx, s.object, s.operands, s.newSchema, s.ifExists);
    default:
      return ctx.warn(`not modelled: ALTER ${s.target.toUpperCase()} .. SET SCHEMA`);
  }
}
