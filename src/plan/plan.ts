import type { Change, DiffResult, Drift, PlannedChange } from '../diff/change.js';
import type { SchemaState } from '../model/schema-state.js';
import type { Action } from './action.js';
import { alembicStatus } from './alembic-position.js';
import { withSchemaRenames } from '../diff/schema-renames.js';
import { assess, type Assessment } from './derive-hazards.js';
import { notRunStatements } from './data-report.js';
import { seedActions, type Seeds } from './seed-actions.js';
import { changeActions } from './change-actions.js';
import { fingerprint } from './fingerprint.js';
import { orderActions, type OrderedActions } from './order-actions.js';
import { planContext } from './plan-context.js';
import { RANK } from './rank.js';
import { skippedChanges } from './skip.js';
import type { Plan, PlanOptions, PlanStep } from './types.js';

function driftOf(c: Change, message: string): Drift {
  const origin = c.origin ? { origin: c.origin } : {};
  switch (c.kind) {
    case 'drop':
    case 'setComment':
      return { object: c.object, ref: c.ref, message, ...origin };
    case 'rename':
      return { object: c.object, ref: c.from, message, ...origin };
    default:
      throw new Error(`planner: ${c.kind} cannot be unplannable`);
  }
}

/**
 * The three parts `apply` runs in order. First, in a transaction of its own, the enum labels
 * other steps use, with what they need (PostgreSQL refuses a label's use before the commit that
 * added it); adding a label changes no row. Then the main transaction. Then, one by one, the
 * statements PostgreSQL refuses in a transaction (CREATE INDEX CONCURRENTLY) and what depends on
 * them. Each part keeps dependency order.
 */
function splitByTransaction(ordered: OrderedActions): Action[] {
  const early = new Set<number>();
  const need = [...ordered.labelAdders];
  while (need.length) {
    const i = need.pop()!;
    if (early.has(i)) continue;
    early.add(i);
    need.push(...ordered.after[i]!);
  }
  const outside = new Set<number>();
  ordered.order.forEach((a, i) => {
    const forced = a.statements.some((s) => !s.transactional);
    if (forced || [...ordered.after[i]!].some((j) => outside.has(j))) outside.add(i);
  });
  const first = ordered.order
    .filter((_, i) => early.has(i) && !outside.has(i))
    .map((a) => ({ ...a, statements: a.statements.map((s) => ({ ...s, early: true })) }));
  const inside = ordered.order.filter((_, i) => !outside.has(i) && !early.has(i));
  const after = ordered.order
    .filter((_, i) => outside.has(i))
    .map((a) => ({ ...a, statements: a.statements.map((s) => ({ ...s, transactional: false })) }));
  return [...first, ...inside, ...after];
}

/**
 * Each change's safety class and hazards, derived from the statements of its actions as they will
 * run (after the split by transaction, a statement moved past the commit runs outside it).
 */
function assessAll(actions: Iterable<Action>, changes: readonly Change[]): Map<number, Assessment> {
  const statements = new Map<number, Action['statements'][number][]>();
  for (const a of actions) statements.set(a.change, [...(statements.get(a.change) ?? []), ...a.statements]);
  return new Map([...statements].map(([i, list]) => [i, assess(changes[i]!.concern, list)]));
}

/** The change with its assessment (a change with no statements is safe). */
const planned = (c: Change, a: Assessment | undefined): PlannedChange => ({ ...c, ...(a ?? { safety: 'safe', hazards: [] }) });

/**
 * Turns a diff into an ordered plan of idempotent statements: destructive changes are left out
 * unless `allowDestructive` (with what depends on them), changes PostgreSQL cannot express become
 * drift, and the rest run in dependency order (see order-actions.ts and rank.ts). Plan.changes
 * lists the planned changes in the order their first statement runs. Pure.
 */
export function plan(diff: DiffResult, liveRead: SchemaState, opts: PlanOptions = {}): Plan {
  // The diff named everything as if its schema renames had run: so do the builders.
  const schemaRenames = diff.changes.flatMap((c) => (c.kind === 'rename' && c.object === 'schema' ? [{ from: c.from.name, to: c.to.name }] : []));
  const live = schemaRenames.length ? withSchemaRenames(liveRead, schemaRenames).live : liveRead;
  const ctx = planContext(diff.changes, live, opts);
  const drift: Drift[] = [...diff.drift];
  const built = new Map<number, readonly Action[]>();
  diff.changes.forEach((c, i) => {
    const result = changeActions(c, i, ctx);
    if ('unplannable' in result) drift.push(driftOf(c, result.unplannable));
    else built.set(i, result);
  });
  const assessed = assessAll([...built.values()].flat(), diff.changes);
  const skipped = skippedChanges(diff.changes, built, assessed, opts.allowDestructive ?? false);
  const h = opts.history;
  const seeds = seedActions(h?.data ?? [], diff.changes, live, h?.seed !== false);
  const actions = [...built].filter(([i]) => !skipped.has(i)).flatMap(([, list]) => list);
  actions.push(...seeds.actions.filter((a) => built.has(a.change) && !skipped.has(a.change)));
  const ordered = splitByTransaction(orderActions(actions, live));

  const position = new Map<number, number>();
  const changes: PlannedChange[] = [];
  const steps: PlanStep[] = [];
  // Seed rows are the history's own data statements (the plan's data section reports them), into
  // a table the plan creates: they do not make its creation risky.
  const final = assessAll(ordered.filter((a) => a.rank !== RANK.seed), diff.changes);
  for (const a of ordered) {
    let at = position.get(a.change);
    if (at === undefined) {
      at = changes.length;
      position.set(a.change, at);
      changes.push(planned(diff.changes[a.change]!, final.get(a.change)));
    }
    for (const s of a.statements) {
      steps.push({
        id: steps.length + 1, change: at, sql: s.sql, transactional: s.transactional, description: s.description, ...(s.early ? { early: true } : {}),
        ...s.effects, transaction: !s.transactional ? 'outside' : s.early ? 'commit after' : 'in',
      });
    }
  }
  const skippedList = [...skipped].sort((a, b) => a - b).map((i) => planned(diff.changes[i]!, assessed.get(i)));
  return {
    changes,
    steps,
    skipped: skippedList,
    unmanaged: diff.unmanaged,
    drift,
    fingerprint: fingerprint(liveRead),
    ...withHistory(opts, changes, skippedList, seeds),
  };
}

/** The plan's Alembic position and its data statements, when the caller gave the history. */
function withHistory(opts: PlanOptions, changes: readonly Change[], skipped: readonly Change[], seeds: Seeds): Pick<Plan, 'alembic' | 'data'> {
  const h = opts.history;
  if (!h) return {};
  const status = alembicStatus(h);
  const notRun = notRunStatements({
    data: h.data ?? [], seeded: seeds.seeded, notSeeded: seeds.notSeeded, beforeRows: seeds.beforeRows, revisions: h.revisions,
    pending: status?.pending ? new Set(status.pending) : null, changes, skipped, events: h.events ?? [],
  });
  const seeded = (h.data ?? []).filter((d) => seeds.seeded.has(d));
  return { ...(status ? { alembic: status } : {}), data: { notRun, seeded } };
}
