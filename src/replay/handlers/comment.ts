import { functionKey, policyKey, relationKey, triggerKey } from '../../model/schema-state.js';
import type { Ddl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { operatorKeyOf } from './operators.js';
import { findAggregate } from './aggregates.js';
import { findRule } from './rules.js';
import { findRoutine } from './routine-lookup.js';
import { commentUnmodelledType } from './unmodelled-types.js';
import { commentViewColumn } from './view-columns.js';
import { alterConstraintIndex } from './constraints.js';

type Comment = Extract<Ddl, { kind: 'comment' }>;

function withComment<T extends { comment?: string }>(o: T, text: string | null): T {
  const { comment: _c, ...rest } = o;
  return (text === null || text === '' ? rest : { ...rest, comment: text }) as T;
}

function withIndexComment<T extends { indexComment?: string }>(o: T, text: string | null): T {
  const { indexComment: _c, ...rest } = o;
  return (text === null || text === '' ? rest : { ...rest, indexComment: text }) as T;
}

function setIn<T extends { comment?: string }>(ctx: ReplayContext, map: Map<string, T>, key: string, text: string | null, what: string): void {
  const o = map.get(key);
  if (!o) return ctx.error(`${what} ${key} does not exist`);
  map.set(key, withComment(o, text));
}

/** COMMENT ON: the text rides on the object (an empty string removes it, as in PostgreSQL). */
export function comment(ctx: ReplayContext, s: Comment): void {
  const d = ctx.draft;
  const key = ctx.key(s.object);
  switch (s.target) {
    case 'table':
      return setIn(ctx, d.tables, key, s.text, 'table');
    case 'index':
      // The index of a PRIMARY KEY / UNIQUE / EXCLUDE constraint takes a comment of its own.
      if (alterConstraintIndex(ctx, ctx.schemaOf(s.object), s.object.name, (c) => withIndexComment(c, s.text))) return;
      return setIn(ctx, d.indexes, key, s.text, 'index');
    case 'sequence':
      return setIn(ctx, d.sequences, key, s.text, 'sequence');
    case 'view':
    case 'materialized view':
      return setIn(ctx, d.views, key, s.text, s.target);
    case 'type':
      if (d.domains.has(key)) return setIn(ctx, d.domains, key, s.text, 'type');
      if (d.compositeTypes.has(key)) return setIn(ctx, d.compositeTypes, key, s.text, 'type');
      if (d.rangeTypes.has(key)) return setIn(ctx, d.rangeTypes, key, s.text, 'type');
      if (d.baseTypes.has(key)) return commentUnmodelledType(ctx, key, s.text);
      return setIn(ctx, d.enums, key, s.text, 'type');
    case 'domain':
      return setIn(ctx, d.domains, key, s.text, 'type');
    case 'domain constraint': {
      const dom = d.domains.get(key);
      if (!dom) return ctx.error(`type ${key} does not exist`);
      if (!dom.checks.some((c) => c.name === s.sub)) return ctx.error(`constraint "${s.sub}" for domain "${dom.name}" does not exist`);
      return void d.domains.set(key, { ...dom, checks: dom.checks.map((c) => (c.name === s.sub ? withComment(c, s.text) : c)) });
    }
    case 'schema':
      return setIn(ctx, d.schemas, s.object.name, s.text, 'schema');
    case 'extension': {
      // plpgsql is in every database and left alone (introspection skips it too).
      if (s.object.name === 'plpgsql') return ctx.warn('not modelled: COMMENT ON EXTENSION plpgsql (every database has plpgsql; schema-sync leaves it alone)');
      const e = d.extensions.get(s.object.name);
      if (!e) return ctx.error(`extension "${s.object.name}" does not exist`);
      // '' records a removed comment: absent is the one CREATE EXTENSION gave (see ExtensionDef).
      return void d.extensions.set(s.object.name, { ...e, comment: s.text ?? '' });
    }
    case 'column':
    case 'constraint': {
      const view = s.target === 'column' && s.sub !== undefined ? d.views.get(key) : undefined;
      if (view) return commentViewColumn(ctx, view, s.sub!, s.text);
      const composite = s.target === 'column' && s.sub !== undefined ? d.compositeTypes.get(key) : undefined;
      if (composite) {
        if (!composite.attributes.some((a) => a.name === s.sub)) return ctx.error(`column "${s.sub}" of relation "${composite.name}" does not exist`);
        return void d.compositeTypes.set(key, { ...composite, attributes: composite.attributes.map((a) => (a.name === s.sub ? withComment(a, s.text) : a)) });
      }
      const t = ctx.table(s.object);
      if (!t || s.sub === undefined) return;
      if (s.target === 'column') {
        if (!t.columns.some((c) => c.name === s.sub)) return ctx.error(`column "${s.sub}" of relation "${t.name}" does not exist`);
        return ctx.putTable({ ...t, columns: t.columns.map((c) => (c.name === s.sub ? withComment(c, s.text) : c)) });
      }
      if (!t.constraints.some((c) => c.name === s.sub)) return ctx.error(`constraint "${s.sub}" for table "${t.name}" does not exist`);
      return ctx.putTable({ ...t, constraints: t.constraints.map((c) => (c.name === s.sub ? withComment(c, s.text) : c)) });
    }
    case 'trigger': {
      const t = ctx.relationFor(s.object, 'trigger');
      if (!t || s.sub === undefined) return;
      return setIn(ctx, d.triggers, triggerKey(t.schema, t.name, s.sub), s.text, 'trigger');
    }
    case 'policy': {
      const t = ctx.table(s.object);
      if (!t || s.sub === undefined) return;
      return setIn(ctx, d.policies, policyKey(t.schema, t.name, s.sub), s.text, 'policy');
    }
    case 'collation':
      return setIn(ctx, d.collations, key, s.text, 'collation');
    case 'operator':
      return setIn(ctx, d.operators, operatorKeyOf(ctx, s.object, s.operands ?? [undefined, undefined]), s.text, 'operator');
    case 'aggregate': {
      const k = findAggregate(ctx, s.object, s.args);
      return k === undefined ? undefined : setIn(ctx, d.aggregates, k, s.text, 'aggregate');
    }
    case 'rule': {
      const found = findRule(ctx, s.object, s.sub);
      return found ? setIn(ctx, d.rules, found.key, s.text, 'rule') : undefined;
    }
    case 'function':
    case 'procedure':
    case 'routine': {
      // COMMENT ON FUNCTION and ON ROUTINE take aggregates too; ON PROCEDURE only procedures.
      const found = findRoutine(ctx, s.object, s.args, s.target);
      if (!found) return;
      return found.routine === 'aggregate' ? setIn(ctx, d.aggregates, found.key, s.text, 'aggregate') : setIn(ctx, d.functions, found.key, s.text, 'function');
    }
  }
}
