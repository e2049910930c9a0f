import { qualify } from '../../model/names.js';
import { extensionSchema } from '../../model/extension-catalog.js';
import { relationKey, triggerKey } from '../../model/schema-state.js';
import type { ObjectKind, TableDef } from '../../model/objects.js';
import type { Ddl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { dropReferencingForeignKeys } from './alter-table.js';
import { dropCollation } from './collations.js';
import { dropDomain, dropType } from './types.js';
import { dropUnmodelledType } from './unmodelled-types.js';
import { dropOperator } from './operators.js';
import { dropPolicy } from './policies.js';
import { aggregatesUsing, dropAggregate, findAggregate } from './aggregates.js';
import { findRoutine } from './routine-lookup.js';
import { dropRulesOn, findRule } from './rules.js';

type Drop = Extract<Ddl, { kind: 'drop' }>;

function record(ctx: ReplayContext, object: ObjectKind, schema: string, name: string, parent?: string): void {
  ctx.draft.history.push({ event: 'drop', object, ref: { schema, name, ...(parent !== undefined ? { parent } : {}) }, origin: ctx.origin });
}

/** Drops a table with what depends on it: its indexes, triggers, owned sequences and constraints. */
export function dropTable(ctx: ReplayContext, t: TableDef, cascade: boolean): void {
  const d = ctx.draft;
  dropReferencingForeignKeys(ctx, t, cascade);
  d.trackConstraints(t, t.constraints, -1);
  const key = relationKey(t.schema, t.name);
  d.tables.delete(key);
  for (const k of d.indexes.referencing(key)) d.indexes.delete(k);
  for (const k of d.triggers.referencing(key)) d.triggers.delete(k);
  for (const k of d.policies.referencing(key)) d.policies.delete(k);
  dropRulesOn(d, t);
  for (const k of d.sequences.referencing(key)) d.sequences.delete(k);
  record(ctx, 'table', t.schema, t.name);
}

function dropOne(ctx: ReplayContext, s: Drop, o: Drop['objects'][number]): void {
  const d = ctx.draft;
  const schema = ctx.schemaOf(o.object);
  const key = relationKey(schema, o.object.name);
  const missing = (what: string): void => {
    if (!s.ifExists) ctx.error(`${what} ${qualify({ schema, name: o.object.name })} does not exist`);
  };
  switch (s.target) {
    case 'table': {
      const t = d.tables.get(key);
      return t ? dropTable(ctx, t, s.cascade) : missing('table');
    }
    case 'index': {
      if (d.constraintIndexes.has(key)) {
        return ctx.error(`cannot drop index ${o.object.name} because a constraint requires it (drop the constraint)`);
      }
      if (!d.indexes.delete(key)) return missing('index');
      return record(ctx, 'index', schema, o.object.name);
    }
    case 'sequence':
      if (!d.sequences.delete(key)) return missing('sequence');
      return record(ctx, 'sequence', schema, o.object.name);
    case 'view':
    case 'materialized view': {
      const v = d.views.get(key);
      if (!v || v.materialized !== (s.target === 'materialized view')) return missing(s.target);
      d.views.delete(key);
      for (const k of d.indexes.referencing(key)) d.indexes.delete(k);
      for (const k of d.triggers.referencing(key)) d.triggers.delete(k);
      dropRulesOn(d, v);
      return record(ctx, s.target, schema, o.object.name);
    }
    case 'domain':
      if (!dropDomain(ctx, key, s.cascade)) missing('type');
      return;
    case 'collation':
      if (!dropCollation(ctx, key, s.cascade) && !s.ifExists) ctx.error(`collation "${o.object.name}" for encoding "UTF8" does not exist`);
      return;
    case 'operator':
      return dropOperator(ctx, o.object, o.operands, s.ifExists);
    case 'type':
      if (!dropType(ctx, key, s.cascade) && !dropUnmodelledType(ctx, schema, o.object.name, s.cascade)) missing('type');
      return;
    case 'function':
    case 'procedure':
    case 'routine': {
      // DROP ROUTINE drops whichever kind the signature names; DROP FUNCTION refuses an aggregate.
      const found = findRoutine(ctx, o.object, o.args, s.target, s.ifExists);
      if (!found) return;
      if (found.routine === 'aggregate') {
        if (s.target === 'function') return ctx.error(`"${o.object.name}" is an aggregate function (use DROP AGGREGATE)`);
        return void dropAggregate(ctx, found.key, s.cascade);
      }
      const users = aggregatesUsing(d, { schema, name: o.object.name });
      if (users.length && !s.cascade) return ctx.error(`cannot drop function ${o.object.name} because aggregate ${d.aggregates.get(users[0]!)!.name} depends on it`);
      for (const k of users) dropAggregate(ctx, k, true);
      d.functions.delete(found.key);
      for (const [k, trg] of d.triggers) {
        if (trg.function.schema === schema && trg.function.name === o.object.name) {
          if (!s.cascade) return ctx.error(`cannot drop function ${o.object.name} because trigger ${trg.name} depends on it`);
          d.triggers.delete(k);
        }
      }
      return record(ctx, 'function', schema, o.object.name);
    }
    case 'aggregate': {
      const k = findAggregate(ctx, o.object, o.args, s.ifExists);
      if (k !== undefined) dropAggregate(ctx, k, s.cascade);
      return;
    }
    case 'rule': {
      const found = findRule(ctx, o.object, o.sub, s.ifExists);
      if (!found) return;
      d.rules.delete(found.key);
      return record(ctx, 'rule', found.table.schema, o.sub!, found.table.name);
    }
    case 'trigger': {
      const table = ctx.relationFor(o.object, 'trigger', s.ifExists);
      if (!table || o.sub === undefined) return;
      if (!d.triggers.delete(triggerKey(table.schema, table.name, o.sub))) {
        if (!s.ifExists) ctx.error(`trigger "${o.sub}" for table "${table.name}" does not exist`);
        return;
      }
      return record(ctx, 'trigger', table.schema, o.sub, table.name);
    }
    case 'policy': {
      const table = ctx.table(o.object, s.ifExists);
      if (!table || o.sub === undefined) return;
      return dropPolicy(ctx, table, o.sub, s.ifExists);
    }
    case 'schema': {
      const name = o.object.name;
      if (!d.schemas.has(name)) return missing('schema');
      const extensions = [...d.extensions.values()].filter((e) => extensionSchema(e) === name);
      const inSchema = extensions.length > 0 || [d.tables, d.enums, d.domains, d.compositeTypes, d.rangeTypes, d.collations, d.operators].some((m: Map<string, { schema: string }>) => [...m.values()].some((o) => o.schema === name));
      if (inSchema && !s.cascade) return ctx.error(`cannot drop schema ${name} because other objects depend on it`);
      for (const t of [...d.tables.values()]) if (t.schema === name) dropTable(ctx, t, true);
      for (const map of [d.enums, d.domains, d.compositeTypes, d.rangeTypes, d.collations, d.operators, d.sequences, d.indexes, d.views, d.functions, d.aggregates, d.triggers, d.policies, d.rules] as Map<string, { schema: string }>[]) {
        for (const [k, v] of map) if (v.schema === name) map.delete(k);
      }
      for (const e of extensions) {
        d.extensions.delete(e.name);
        record(ctx, 'extension', name, e.name);
      }
      d.schemas.delete(name);
      return record(ctx, 'schema', name, name);
    }
    case 'extension':
      if (!d.extensions.delete(o.object.name)) return missing('extension');
      return record(ctx, 'extension', schema, o.object.name);
    case 'column':
    case 'constraint':
    case 'domain constraint':
    case 'attribute':
      return ctx.warn(`not modelled: DROP ${s.target.toUpperCase()}`);
  }
}

/** DROP .. [IF EXISTS] [CASCADE] of each named object. */
export function drop(ctx: ReplayContext, s: Drop): void {
  for (const o of s.objects) dropOne(ctx, s, o);
}
