import { functionKey, relationKey, triggerKey } from '../../model/schema-state.js';
import type { Ddl } from '../../parse/ddl.js';
import { routineAttributeFields } from '../../model/routine-attributes.js';
import type { ReplayContext } from '../context.js';
import { findRoutine } from './routine-lookup.js';
import { normalizeQuery, viewWithOutputNames } from '../../parse/index.js';
import { aclFields } from '../../model/privileges.js';
import { withStarsExpanded } from './view-renames.js';

/** CREATE [OR REPLACE] VIEW / CREATE MATERIALIZED VIEW. */
export function createView(ctx: ReplayContext, s: Extract<Ddl, { kind: 'createView' }>): void {
  const schema = ctx.schemaOf(s.view);
  const key = relationKey(schema, s.view.name);
  const existing = ctx.draft.views.get(key);
  if (existing ? !s.orReplace && !s.ifNotExists : ctx.draft.relationExists(schema, s.view.name)) {
    ctx.error(`relation "${s.view.name}" already exists`);
    return;
  }
  if (existing && s.ifNotExists) return;
  // A column list names the output columns as aliases would (pg_get_viewdef prints them so).
  const expanded = withStarsExpanded(ctx.draft, s.query, s.definition);
  const named = s.columns ? viewWithOutputNames(expanded.definition, s.columns) : expanded.definition;
  ctx.draft.views.set(key, {
    schema, name: s.view.name, materialized: s.materialized,
    ...(s.columns ? { query: normalizeQuery(named), definition: named } : expanded),
    ...(s.columns ? { columns: s.columns } : {}),
    // OR REPLACE sets the options to those written (none written: none left), as PostgreSQL does.
    ...(s.options ? { options: s.options } : {}),
    ...(existing?.comment !== undefined ? { comment: existing.comment } : {}),
    // OR REPLACE keeps the view's attributes, with their defaults, comments and grants.
    ...(existing?.columnDetails ? { columnDetails: existing.columnDetails } : {}),
    ...(existing?.columnGrants ? { columnGrants: existing.columnGrants } : {}),
    ...aclFields(existing),
    origin: ctx.origin,
  });
}

/** CREATE [OR REPLACE] FUNCTION / PROCEDURE, keyed by name and identity argument types. */
export function createFunction(ctx: ReplayContext, s: Extract<Ddl, { kind: 'createFunction' }>): void {
  const schema = ctx.schemaOf(s.function);
  const key = functionKey(schema, s.function.name, s.identityArgs);
  const existing = ctx.draft.functions.get(key);
  if (existing && !s.orReplace) {
    ctx.error(`function ${key} already exists with same argument types`);
    return;
  }
  if (ctx.draft.aggregates.has(key)) {
    ctx.error(s.orReplace ? `cannot change routine kind: "${s.function.name}" is an aggregate function` : `function ${key} already exists with same argument types`);
    return;
  }
  ctx.draft.functions.set(key, {
    schema, name: s.function.name, identityArgs: s.identityArgs, args: s.args,
    kind: s.procedure ? 'procedure' : 'function',
    ...(s.returns !== undefined ? { returns: s.returns } : {}),
    language: s.language, body: s.body, volatility: s.volatility, strict: s.strict, securityDefiner: s.securityDefiner,
    ...routineAttributeFields(s),
    ...(existing?.comment !== undefined ? { comment: existing.comment } : {}),
    ...aclFields(existing),
    origin: ctx.origin,
  });
}

/** CREATE [OR REPLACE] TRIGGER on a table or a view (INSTEAD OF). */
export function createTrigger(ctx: ReplayContext, s: Extract<Ddl, { kind: 'createTrigger' }>): void {
  const table = ctx.relationFor(s.table, 'trigger');
  if (!table) return;
  const key = triggerKey(table.schema, table.name, s.name);
  const replaced = ctx.draft.triggers.get(key);
  if (replaced && !s.orReplace) {
    ctx.error(`trigger "${s.name}" for relation "${table.name}" already exists`);
    return;
  }
  ctx.draft.triggers.set(key, {
    schema: table.schema, table: table.name, name: s.name, timing: s.timing, events: s.events,
    updateColumns: s.updateColumns, forEachRow: s.forEachRow, ...(s.when !== undefined ? { when: s.when } : {}),
    function: { schema: ctx.schemaOf(s.function), name: s.function.name }, args: s.args,
    constraint: s.constraint, deferrable: s.deferrable, initiallyDeferred: s.initiallyDeferred,
    ...(s.oldTable !== undefined ? { oldTable: s.oldTable } : {}),
    ...(s.newTable !== undefined ? { newTable: s.newTable } : {}),
    // OR REPLACE updates the pg_trigger row in place: the comment stays, the firing state is reset to enabled.
    ...(replaced?.comment !== undefined ? { comment: replaced.comment } : {}),
    origin: ctx.origin,
  });
}

/**
 * ALTER FUNCTION / PROCEDURE .. actions: the attributes given replace the routine's, kept in the
 * shape CREATE gives (defaults absent: not leakproof, PARALLEL UNSAFE, COST 100 or 1, ROWS 1000);
 * SET replaces a setting in place or appends it, RESET removes one, RESET ALL every one.
 */
export function alterFunction(ctx: ReplayContext, s: Extract<Ddl, { kind: 'alterFunction' }>): void {
  if (s.unsupported) return ctx.warn(`not modelled: ${s.unsupported}`);
  const found = findRoutine(ctx, s.function, s.args, s.routine);
  if (!found) return;
  // ALTER FUNCTION / ROUTINE find aggregates too, then refuse them (AlterFunction).
  if (found.routine === 'aggregate') return ctx.error(`"${s.function.schema !== undefined ? `${s.function.schema}.` : ''}${s.function.name}" is an aggregate function`);
  const key = found.key;
  const f = ctx.draft.functions.get(key)!;
  const { leakproof: _l, parallel: _p, cost: _c, rows: _r, config: _s, ...rest } = f;
  const defaultCost = f.language === 'c' || f.language === 'internal' ? 1 : 100;
  const leakproof = s.leakproof ?? f.leakproof;
  const parallel = s.parallel === undefined ? f.parallel : s.parallel === 'unsafe' ? undefined : s.parallel;
  const cost = s.cost === undefined ? f.cost : Number(s.cost) === defaultCost ? undefined : s.cost;
  const rows = s.rows === undefined ? f.rows : Number(s.rows) === 1000 ? undefined : s.rows;
  const config = new Map((f.config ?? []).map((c) => [settingName(c), c]));
  for (const e of s.config) {
    if ('resetAll' in e) config.clear();
    else if ('reset' in e) config.delete(e.reset);
    else config.set(e.name, e.setting);
  }
  ctx.draft.functions.set(key, {
    ...rest,
    ...(s.volatility !== undefined ? { volatility: s.volatility } : {}),
    ...(s.strict !== undefined ? { strict: s.strict } : {}),
    ...(s.securityDefiner !== undefined ? { securityDefiner: s.securityDefiner } : {}),
    ...routineAttributeFields({ ...(leakproof ? { leakproof } : {}), ...(parallel ? { parallel } : {}), ...(cost !== undefined ? { cost } : {}), ...(rows !== undefined ? { rows } : {}), ...(config.size ? { config: [...config.values()] } : {}) }),
  });
}

/** The setting a proconfig entry (`name TO 'v'`) sets: its name, unquoted. */
function settingName(entry: string): string {
  const m = /^("(?:[^"]|"")*"|\S+) /.exec(entry);
  const name = m?.[1] ?? entry;
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}
