import { rewrittenDefault } from './columns.js';
import { qualify } from '../../model/names.js';
import { relationKey, ruleKey, triggerKey } from '../../model/schema-state.js';
import type { ConstraintDef, ObjectKind, TableDef } from '../../model/objects.js';
import type { Ddl } from '../../parse/ddl.js';
import { objectTextMove } from '../../parse/index.js';
import { renameDomainCheck } from './domains.js';
import { retypeUsers, typeExists } from './type-users.js';
import { renameAttribute } from './types.js';
import type { ReplayContext } from '../context.js';
import { moveCollation } from './collations.js';
import { renameColumnInConstraint, renameColumnInIndex } from './column-deps.js';
import { nextvalDefault } from './sequences.js';
import { followRenameInViews, renameViewColumn } from './view-renames.js';
import { followRenameInPolicies, movePolicies, renamePolicy } from './policies.js';
import { findAggregate, moveAggregate } from './aggregates.js';
import { findRoutine, moveFunction } from './routine-lookup.js';
import { findRule, followColumnRenameInRules, moveRules } from './rules.js';
import { renameSchema } from './schemas.js';

type Rename = Extract<Ddl, { kind: 'rename' }>;

function record(ctx: ReplayContext, object: ObjectKind, schema: string, from: string, to: string, parent?: string): void {
  const p = parent !== undefined ? { parent } : {};
  ctx.draft.history.push({ event: 'rename', object, from: { schema, name: from, ...p }, to: { schema, name: to, ...p }, origin: ctx.origin });
}

/** Renames a table and everything that refers to it by name in the model. */
function renameTable(ctx: ReplayContext, t: TableDef, to: string): void {
  const d = ctx.draft;
  const oldKey = relationKey(t.schema, t.name);
  const newKey = relationKey(t.schema, to);
  d.tables.delete(oldKey);
  d.tables.set(newKey, { ...t, name: to });
  for (const [k, idx] of d.indexes.entriesReferencing(oldKey)) d.indexes.set(k, { ...idx, table: to });
  for (const c of t.constraints) {
    const k = relationKey(t.schema, c.name);
    if (d.constraintIndexes.get(k) === oldKey) d.constraintIndexes.set(k, newKey);
  }
  for (const [k, seq] of d.sequences.entriesReferencing(oldKey)) {
    if (seq.ownedBy) d.sequences.set(k, { ...seq, ownedBy: { ...seq.ownedBy, table: to } });
  }
  for (const [k, trg] of d.triggers.entriesReferencing(oldKey)) {
    d.triggers.delete(k);
    d.triggers.set(triggerKey(t.schema, to, trg.name), { ...trg, table: to });
  }
  movePolicies(ctx, t, { schema: t.schema, name: to });
  moveRules(d, t, { schema: t.schema, name: to });
  for (const [k, other] of d.tables.entriesReferencing(oldKey)) {
    const fixFk = (c: ConstraintDef): ConstraintDef =>
      c.type === 'foreign key' && c.references.table.schema === t.schema && c.references.table.name === t.name
        ? { ...c, references: { ...c.references, table: { schema: t.schema, name: to } } }
        : c;
    if (other.constraints.some((c) => fixFk(c) !== c)) d.tables.set(k, { ...other, constraints: other.constraints.map(fixFk) });
  }
  followRenameInViews(d, { kind: 'relation', schema: t.schema, from: t.name, to });
  followRenameInPolicies(d, { kind: 'relation', schema: t.schema, from: t.name, to });
  record(ctx, 'table', t.schema, t.name, to);
}

/** Renames a relation of any kind: ALTER TABLE/INDEX/SEQUENCE/VIEW .. RENAME TO all reach pg_class. */
function renameRelation(ctx: ReplayContext, s: Rename): void {
  const d = ctx.draft;
  const schema = ctx.schemaOf(s.object);
  const from = s.object.name;
  const key = relationKey(schema, from);
  if (!d.relationExists(schema, from)) {
    if (!s.ifExists) ctx.error(`relation ${qualify({ schema, name: from })} does not exist`);
    return;
  }
  if (d.relationExists(schema, s.newName)) {
    ctx.error(`relation "${s.newName}" already exists`);
    return;
  }
  const newKey = relationKey(schema, s.newName);
  const table = d.tables.get(key);
  if (table) return renameTable(ctx, table, s.newName);
  const idx = d.indexes.get(key);
  if (idx) {
    d.indexes.delete(key);
    d.indexes.set(newKey, { ...idx, name: s.newName });
    return record(ctx, 'index', schema, from, s.newName);
  }
  const owner = d.constraintIndexes.get(key);
  if (owner) return renameConstraint(ctx, d.tables.get(owner)!, from, s.newName);
  const seq = d.sequences.get(key);
  if (seq) {
    d.sequences.delete(key);
    d.sequences.set(newKey, { ...seq, name: s.newName });
    // Defaults hold the sequence's OID, so they print the new name from now on.
    const oldDefault = nextvalDefault(schema, from);
    const newDefault = nextvalDefault(schema, s.newName);
    for (const [k, t] of d.tables) {
      if (t.schema !== schema) continue;
      const fixed = t.columns.map((c) =>
        c.default === oldDefault ? rewrittenDefault(c, newDefault) : c.identity?.sequence === from ? { ...c, identity: { ...c.identity, sequence: s.newName } } : c,
      );
      if (fixed.some((c, i) => c !== t.columns[i])) d.tables.set(k, { ...t, columns: fixed });
    }
    return record(ctx, 'sequence', schema, from, s.newName);
  }
  const view = d.views.get(key);
  if (view) {
    d.views.delete(key);
    d.views.set(newKey, { ...view, name: s.newName });
    for (const [k, idx] of d.indexes.entriesReferencing(key)) d.indexes.set(k, { ...idx, table: s.newName });
    for (const [k, trg] of d.triggers.entriesReferencing(key)) {
      d.triggers.delete(k);
      d.triggers.set(triggerKey(schema, s.newName, trg.name), { ...trg, table: s.newName });
    }
    moveRules(d, { schema, name: from }, { schema, name: s.newName });
    followRenameInViews(d, { kind: 'relation', schema, from, to: s.newName });
    followRenameInPolicies(d, { kind: 'relation', schema, from, to: s.newName });
    return record(ctx, view.materialized ? 'materialized view' : 'view', schema, from, s.newName);
  }
}

/** Renames a constraint; for PK/UNIQUE/EXCLUDE the backing index is renamed with it. */
function renameConstraint(ctx: ReplayContext, table: TableDef, from: string, to: string): void {
  const c = table.constraints.find((x) => x.name === from);
  if (!c) {
    ctx.error(`constraint "${from}" for table "${table.name}" does not exist`);
    return;
  }
  if (table.constraints.some((x) => x.name === to)) {
    ctx.error(`constraint "${to}" for relation "${table.name}" already exists`);
    return;
  }
  const renamed = { ...c, name: to };
  ctx.draft.trackConstraints(table, [c], -1);
  ctx.draft.trackConstraints(table, [renamed], 1);
  ctx.putTable({ ...table, constraints: table.constraints.map((x) => (x === c ? renamed : x)) });
  record(ctx, 'constraint', table.schema, from, to, table.name);
}

function renameColumn(ctx: ReplayContext, table: TableDef, from: string, to: string): void {
  const d = ctx.draft;
  if (!table.columns.some((c) => c.name === from)) {
    ctx.error(`column "${from}" does not exist`);
    return;
  }
  if (table.columns.some((c) => c.name === to)) {
    ctx.error(`column "${to}" of relation "${table.name}" already exists`);
    return;
  }
  ctx.putTable({
    ...table,
    columns: table.columns.map((c) => (c.name === from ? { ...c, name: to, origin: ctx.origin } : c)),
    constraints: table.constraints.map((c) => renameColumnInConstraint(c, from, to)),
  });
  const tableKey = relationKey(table.schema, table.name);
  for (const [k, idx] of d.indexes.entriesReferencing(tableKey)) d.indexes.set(k, renameColumnInIndex(idx, from, to));
  for (const [k, seq] of d.sequences.entriesReferencing(tableKey)) {
    if (seq.ownedBy?.column === from) d.sequences.set(k, { ...seq, ownedBy: { table: table.name, column: to } });
  }
  for (const [k, other] of d.tables.entriesReferencing(tableKey)) {
    const fix = (c: ConstraintDef): ConstraintDef =>
      c.type === 'foreign key' && c.references.table.schema === table.schema && c.references.table.name === table.name && c.references.columns.includes(from)
        ? { ...c, references: { ...c.references, columns: c.references.columns.map((x) => (x === from ? to : x)) } }
        : c;
    if (other.constraints.some((c) => fix(c) !== c)) d.tables.set(k, { ...other, constraints: other.constraints.map(fix) });
  }
  for (const [k, trg] of d.triggers.entriesReferencing(tableKey)) {
    if (trg.updateColumns.includes(from)) {
      d.triggers.set(k, { ...trg, updateColumns: trg.updateColumns.map((x) => (x === from ? to : x)) });
    }
  }
  followRenameInViews(d, { kind: 'column', schema: table.schema, table: table.name, from, to });
  followRenameInPolicies(d, { kind: 'column', schema: table.schema, table: table.name, from, to });
  followColumnRenameInRules(d, table, from, to);
  record(ctx, 'column', table.schema, from, to, table.name);
}

/** The map and history kind of the type `key` that ALTER TYPE names (ALTER DOMAIN only names domains). */
function typeMap(ctx: ReplayContext, key: string, domainOnly: boolean): [Map<string, { name: string }>, ObjectKind] | undefined {
  const d = ctx.draft;
  if (d.domains.has(key)) return [d.domains, 'domain'];
  if (domainOnly) return undefined;
  if (d.enums.has(key)) return [d.enums, 'enum'];
  if (d.compositeTypes.has(key)) return [d.compositeTypes, 'composite type'];
  if (d.rangeTypes.has(key)) return [d.rangeTypes, 'range type'];
  return undefined;
}

/** ALTER TYPE / DOMAIN .. RENAME of an enum, domain, composite or range type. */
function renameType(ctx: ReplayContext, s: Rename): void {
  const d = ctx.draft;
  const schema = ctx.schemaOf(s.object);
  const key = relationKey(schema, s.object.name);
  const [map, object] = typeMap(ctx, key, s.target === 'domain') ?? [];
  const e = map?.get(key);
  if (!map || !e) {
    if (!s.ifExists) ctx.error(`type ${key} does not exist`);
    return;
  }
  const newKey = relationKey(schema, s.newName);
  if (typeExists(d, newKey)) {
    ctx.error(`type "${s.newName}" already exists`);
    return;
  }
  map.delete(key);
  map.set(newKey, { ...e, name: s.newName });
  retypeUsers(d, key, newKey);
  record(ctx, object!, schema, s.object.name, s.newName);
}

/** ALTER .. RENAME of every kind the model tracks. */
export function rename(ctx: ReplayContext, s: Rename): void {
  const d = ctx.draft;
  switch (s.target) {
    case 'table':
    case 'index':
    case 'sequence':
    case 'view':
    case 'materialized view':
      return renameRelation(ctx, s);
    case 'column':
    case 'constraint': {
      const view = s.target === 'column' ? d.views.get(ctx.key(s.object)) : undefined;
      if (view && s.sub !== undefined) return renameViewColumn(ctx, view, s.sub, s.newName);
      const table = ctx.table(s.object, s.ifExists);
      if (!table || s.sub === undefined) return;
      return s.target === 'column' ? renameColumn(ctx, table, s.sub, s.newName) : renameConstraint(ctx, table, s.sub, s.newName);
    }
    case 'trigger': {
      const table = ctx.relationFor(s.object, 'trigger');
      if (!table || s.sub === undefined) return;
      const key = triggerKey(table.schema, table.name, s.sub);
      const trg = d.triggers.get(key);
      if (!trg) return ctx.error(`trigger "${s.sub}" for table "${table.name}" does not exist`);
      d.triggers.delete(key);
      d.triggers.set(triggerKey(table.schema, table.name, s.newName), { ...trg, name: s.newName });
      return record(ctx, 'trigger', table.schema, s.sub, s.newName, table.name);
    }
    case 'policy': {
      const table = ctx.table(s.object);
      if (!table || s.sub === undefined) return;
      return renamePolicy(ctx, table, s.sub, s.newName);
    }
    case 'type':
    case 'domain':
      return renameType(ctx, s);
    case 'attribute':
      if (s.sub === undefined) return;
      return renameAttribute(ctx, s.object, s.sub, s.newName, s.ifExists);
    case 'domain constraint':
      if (s.sub === undefined) return;
      return renameDomainCheck(ctx, ctx.key(s.object), s.sub, s.newName);
    case 'function':
    case 'procedure':
    case 'routine': {
      // ALTER FUNCTION and ALTER ROUTINE .. RENAME take aggregates too.
      const found = findRoutine(ctx, s.object, s.args, s.target, s.ifExists);
      if (!found) return;
      const to = { schema: ctx.schemaOf(s.object), name: s.newName };
      if (found.routine === 'aggregate') return moveAggregate(ctx, found.key, to);
      const f = d.functions.get(found.key)!;
      if (moveFunction(ctx, found.key, to)) d.follow(objectTextMove(f, 'routine', to.schema, to.name));
      return;
    }
    case 'collation':
      return moveCollation(ctx, ctx.key(s.object), { schema: ctx.schemaOf(s.object), name: s.newName }, s.ifExists);
    case 'operator':
      // The grammar has no ALTER OPERATOR .. RENAME.
      return ctx.error('operators cannot be renamed');
    case 'aggregate': {
      const k = findAggregate(ctx, s.object, s.args, s.ifExists);
      if (k !== undefined) moveAggregate(ctx, k, { schema: ctx.schemaOf(s.object), name: s.newName });
      return;
    }
    case 'rule': {
      const found = findRule(ctx, s.object, s.sub, s.ifExists);
      if (!found || s.sub === undefined) return;
      const key = ruleKey(found.table.schema, found.table.name, s.newName);
      if (d.rules.has(key)) return ctx.error(`rule "${s.newName}" for relation "${found.table.name}" already exists`);
      const r = d.rules.get(found.key)!;
      d.rules.delete(found.key);
      d.rules.set(key, { ...r, name: s.newName });
      return record(ctx, 'rule', found.table.schema, s.sub, s.newName, found.table.name);
    }
    case 'schema':
      return renameSchema(ctx, s.object.name, s.newName, s.ifExists);
    case 'extension':
      return ctx.warn(`not modelled: ALTER ${s.target.toUpperCase()} .. RENAME`);
  }
}
