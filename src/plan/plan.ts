import type { Change, DiffResult, Drift, Hazard } from '../diff/change.js';
import type { SchemaState } from '../model/schema-state.js';
import type { Action } from './action.js';
import { alembicStatus } from './alembic-position.js';
import { notRunStatements } from './data-report.js';
import { seedActions, type Seeds } from './seed-actions.js';
import { changeActions } from './change-actions.js';
import { fingerprint } from './fingerprint.js';
import { orderActions, type OrderedActions } from './order-actions.js';
import { planContext } from './plan-context.js';
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
 * Hazards derived from the statements a change runs, where they say more than the diff could:
 * the hazards its statements declare (an index built CONCURRENTLY or not), and `runs outside the
 * transaction` when any of its statements runs after the commit. Changes absent keep the diff's.
 */
function hazardsOfStatements(ordered: readonly Action[], changes: readonly Change[]): Map<number, Hazard[]> {
  const declared = new Map<number, Set<Hazard>>();
  const outside = new Set<number>();
  for (const a of ordered) {
    for (const s of a.statements) {
      if (s.hazards) {
        const set = declared.get(a.change) ?? new Set<Hazard>();
        for (const h of s.hazards) set.add(h);
        declared.set(a.change, set);
      }
      if (!s.transactional) outside.add(a.change);
    }
  }
  const out = new Map<number, Hazard[]>();
  for (const [i, set] of declared) out.set(i, [...set]);
  for (const i of outside) {
    const list = out.get(i);
    if (list === undefined) out.set(i, [...changes[i]!.hazards.filter((h) => h !== 'runs outside the transaction'), 'runs outside the transaction']);
    else if (!list.includes('runs outside the transaction')) list.push('runs outside the transaction');
  }
  return out;
}

/**
 * Turns a diff into an ordered plan of idempotent statements: destructive changes are left out
 * unless `allowDestructive` (with what depends on them), changes PostgreSQL cannot express become
 * drift, and the rest run in dependency order (see order-actions.ts and rank.ts). Plan.changes
 * lists the planned changes in the order their first statement runs. Pure.
 */
export function plan(diff: DiffResult, live: SchemaState, opts: PlanOptions = {}): Plan {
  const ctx = planContext(diff.changes, live, opts);
  const drift: Drift[] = [...diff.drift];
  const built = new Map<number, readonly Action[]>();
  diff.changes.forEach((c, i) => {
    const result = changeActions(c, i, ctx);
    if ('unplannable' in result) drift.push(driftOf(c, result.unplannable));
    else built.set(i, result);
  });
  const skipped = skippedChanges(diff.changes, built, opts.allowDestructive ?? false);
  const h = opts.history;
  const seeds = seedActions(h?.data ?? [], diff.changes, live, h?.seed !== false);
  const actions = [...built].filter(([i]) => !skipped.has(i)).flatMap(([, list]) => list);
  actions.push(...seeds.actions.filter((a) => built.has(a.change) && !skipped.has(a.change)));
  const ordered = splitByTransaction(orderActions(actions, live));

  const position = new Map<number, number>();
  const changes: Change[] = [];
  const steps: PlanStep[] = [];
  const hazards = hazardsOfStatements(ordered, diff.changes);
  for (const a of ordered) {
    let at = position.get(a.change);
    if (at === undefined) {
      at = changes.length;
      position.set(a.change, at);
      const c = diff.changes[a.change]!;
      const derived = hazards.get(a.change);
      changes.push(derived ? { ...c, hazards: derived } : c);
    }
    for (const s of a.statements) {
      steps.push({
        id: steps.length + 1, change: at, sql: s.sql, transactional: s.transactional, description: s.description, ...(s.early ? { early: true } : {}),
        ...s.effects, transaction: !s.transactional ? 'outside' : s.early ? 'commit after' : 'in',
      });
    }
  }
  const skippedList = [...skipped].sort((a, b) => a - b).map((i) => diff.changes[i]!);
  return {
    changes,
    steps,
    skipped: skippedList,
    unmanaged: diff.unmanaged,
    drift,
    fingerprint: fingerprint(live),
    ...withHistory(opts, changes, skippedList, seeds),
  };
}

/** The plan's Alembic position and its data statements, when the caller gave the history. */
function withHistory(opts: PlanOptions, changes: readonly Change[], skipped: readonly Change[], seeds: Seeds): Pick<Plan, 'alembic' | 'data'> {
  const h = opts.history;
  if (!h) return {};
  const status = alembicStatus(h);
  const notRun = notRunStatements({
    data: h.data ?? [], seeded: seeds.seeded, notSeeded: seeds.notSeeded, revisions: h.revisions,
    pending: status?.pending ? new Set(status.pending) : null, changes, skipped, events: h.events ?? [],
  });
  const seeded = (h.data ?? []).filter((d) => seeds.seeded.has(d));
  return { ...(status ? { alembic: status } : {}), data: { notRun, seeded } };
}
