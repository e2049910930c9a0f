import type { QualifiedName } from '../../model/names.js';
import type { RuleDef } from '../../model/objects.js';
import { relationKey, ruleKey } from '../../model/schema-state.js';
import { canonicalRuleActions, moveRelationInRuleActions, renameColumnInRule, ruleActionsSql, type RuleDdl } from '../../parse/index.js';
import type { ReplayContext } from '../context.js';
import type { Draft } from '../draft.js';
import { columnsOf } from './draft-columns.js';

/**
 * CREATE [OR REPLACE] RULE on a table or view. ON SELECT rules are the `_RETURN` rules of views
 * (PostgreSQL 16 refuses them elsewhere): not modelled as rules. The actions' canonical text is
 * computed against the draft's tables, since PostgreSQL fills in an INSERT's column list.
 */
export function createRule(ctx: ReplayContext, s: RuleDdl): void {
  if (s.event === 'select') {
    return ctx.warn(
      'not modelled: CREATE RULE .. ON SELECT: an ON SELECT rule is how a view is stored (its _RETURN rule), not a rule of its own; PostgreSQL 16 refuses it on a table. Write CREATE VIEW instead',
    );
  }
  const rel = ctx.relationFor(s.table, 'trigger');
  if (!rel) return;
  const key = ruleKey(rel.schema, rel.name, s.name);
  const existing = ctx.draft.rules.get(key);
  if (existing && !s.orReplace) return ctx.error(`rule "${s.name}" for relation "${rel.name}" already exists`);
  ctx.draft.rules.set(key, {
    schema: rel.schema, table: rel.name, name: s.name, event: s.event, instead: s.instead,
    ...(s.where !== undefined ? { where: s.where } : {}),
    actions: canonicalRuleActions(s.actions, columnsOf(ctx.draft)),
    ...(s.whereSql !== undefined ? { whereSql: s.whereSql } : {}),
    actionsSql: ruleActionsSql(s.actions),
    ...(existing?.enabled !== undefined ? { enabled: existing.enabled } : {}),
    ...(existing?.comment !== undefined ? { comment: existing.comment } : {}),
    origin: ctx.origin,
  });
}

/** The key of the rule a statement names on its relation, or an error (unless `ifExists`). */
export function findRule(ctx: ReplayContext, table: { schema?: string; name: string }, name: string | undefined, ifExists = false): { key: string; table: QualifiedName } | undefined {
  const rel = ctx.relationFor(table, 'trigger', ifExists);
  if (!rel || name === undefined) return undefined;
  const key = ruleKey(rel.schema, rel.name, name);
  if (ctx.draft.rules.has(key)) return { key, table: rel };
  if (!ifExists) ctx.error(`rule "${name}" for relation "${rel.name}" does not exist`);
  return undefined;
}

/**
 * Rules follow a relation's rename or move: those on it hang off it by OID, and every rule's
 * actions name it by OID too (pg_get_ruledef prints the new name).
 */
export function moveRules(d: Draft, from: QualifiedName, to: QualifiedName): void {
  for (const [k, r] of [...d.rules.entriesReferencing(relationKey(from.schema, from.name))]) {
    d.rules.delete(k);
    const moved: RuleDef = { ...r, schema: to.schema, table: to.name };
    d.rules.set(ruleKey(to.schema, to.name, r.name), moved);
  }
  const move = (schema: string, name: string) => (schema === from.schema && name === from.name ? to : undefined);
  for (const [k, r] of d.rules) {
    if (r.actionsSql === undefined || !r.actionsSql.includes(from.name)) continue;
    const actions = moveRelationInRuleActions(r.actionsSql, move);
    if (actions) d.rules.set(k, { ...r, actions: canonicalRuleActions(actions, columnsOf(d)), actionsSql: ruleActionsSql(actions) });
  }
}

/** Rules go with their relation. */
export function dropRulesOn(d: Draft, relation: QualifiedName): void {
  for (const k of d.rules.referencing(relationKey(relation.schema, relation.name))) d.rules.delete(k);
}

/**
 * RENAME COLUMN of a table or view: PostgreSQL's rules follow it (their trees name columns by
 * number), so each rule's condition and actions are rewritten as pg_get_ruledef prints them.
 * Runs after the draft has the new name (an INSERT's filled-in column list reads it).
 */
export function followColumnRenameInRules(d: Draft, table: QualifiedName, from: string, to: string): void {
  const rename = { kind: 'column', schema: table.schema, table: table.name, from, to } as const;
  for (const [k, r] of d.rules) {
    const own = r.schema === table.schema && r.table === table.name;
    const text = `${r.whereSql ?? ''} ${r.actionsSql ?? ''}`;
    // Cheap pre-check: a rule that uses the column names its table, unless it is the rule's own.
    if (r.actionsSql === undefined || !(own || text.includes(table.name))) continue;
    const renamed = renameColumnInRule({ ...r, actionsSql: r.actionsSql }, rename, columnsOf(d));
    if (!renamed) continue;
    d.rules.set(k, {
      ...r,
      ...(renamed.where ? { where: renamed.where.canonical, whereSql: renamed.where.written } : {}),
      actions: canonicalRuleActions(renamed.actions, columnsOf(d)),
      actionsSql: ruleActionsSql(renamed.actions),
    });
  }
}
