import { describeChange } from '../diff/describe-change.js';
import type { Plan } from '../plan/types.js';
import { alembicPositionLine } from './alembic-text.js';
import { DATA_HEADING, dataOrder, dataSubject } from './data-text.js';
import type { DataStatement } from '../model/data-statement.js';
import type { PlanSummary } from './plan-summary.js';
import type { PlanShape } from '../plan/saved-plan.js';

/**
 * Version of the plan JSON format; bumped on incompatible changes. 2: a saved plan carries the
 * target fingerprint and the options, and `apply --plan` runs exactly its statements.
 */
export const PLAN_JSON_VERSION = 2;

/** What makes `plan --format json` a saved plan `apply --plan` can hold the database to. */
export interface SavedPlanParts {
  /** Fingerprint of the replayed target in scope (src/plan/fingerprint.ts: provenance left out). */
  readonly targetFingerprint: string;
  readonly options: PlanShape;
}

/**
 * The plan as a stable JSON document (`plan --format json`, also what `apply --plan` reads):
 * `{ version, fingerprint, summary, changes: [{ index, kind, object, name, action, safety,
 * hazards, origin, steps: [stepId], sql: [..], change }], steps: [{ id, change, sql,
 * transactional, early?, description }], skipped: [same shape as changes, no steps], unmanaged, drift,
 * data: { heading, seeded: [stmt], notRun: [stmt + { pending, effect, related, order }], mayChangeRows } | null,
 * alembic: { current, unknown, pending, heads, stamp, noStamp?, position } | null }`; a saved plan
 * (`saved` given) also has `fingerprints: { live, target }` and `options` (see PlanShape).
 * The published JSON Schema is schema/plan.schema.json.
 */
export function planToJson(plan: Plan, summary: PlanSummary, saved?: SavedPlanParts): unknown {
  // Steps grouped by change once: filtering all steps per change is quadratic at thousands of each.
  const stepsOf = new Map<number, Plan['steps'][number][]>();
  for (const s of plan.steps) {
    const list = stepsOf.get(s.change);
    if (list) list.push(s);
    else stepsOf.set(s.change, [s]);
  }
  const change = (c: Plan['changes'][number], index: number | null) => {
    const d = describeChange(c);
    const steps = index === null ? [] : (stepsOf.get(index) ?? []);
    return {
      index, kind: c.kind, object: d.object, name: d.name, action: d.action, ...(d.detail ? { detail: d.detail } : {}),
      safety: c.safety, hazards: c.hazards, origin: c.origin ?? null,
      steps: steps.map((s) => s.id), sql: steps.map((s) => s.sql), change: c,
    };
  };
  return {
    version: PLAN_JSON_VERSION,
    fingerprint: plan.fingerprint,
    ...(saved ? { fingerprints: { live: plan.fingerprint, target: saved.targetFingerprint }, options: saved.options } : {}),
    summary,
    changes: plan.changes.map((c, i) => change(c, i)),
    steps: plan.steps,
    skipped: plan.skipped.map((c) => change(c, null)),
    unmanaged: plan.unmanaged,
    drift: plan.drift,
    data: plan.data ? dataJson(plan) : null,
    alembic: plan.alembic ? { ...plan.alembic, position: alembicPositionLine(plan.alembic) } : null,
  };
}

/**
 * JSON text of a plan, 2-space indented, newline-terminated. `relativePath` rewrites the `file`
 * of every origin and data statement (objects with a `line`), e.g. relative to the working
 * directory, so a saved plan reads the same on every machine.
 */
export function renderPlanJson(plan: Plan, summary: PlanSummary, saved?: SavedPlanParts, relativePath?: (file: string) => string): string {
  const replacer = relativePath
    ? function (this: Record<string, unknown>, key: string, value: unknown): unknown {
      return key === 'file' && typeof value === 'string' && 'line' in this ? relativePath(value) : value;
    }
    : undefined;
  return JSON.stringify(planToJson(plan, summary, saved), replacer, 2) + '\n';
}

function statementJson(d: DataStatement) {
  return {
    file: d.origin.file, line: d.origin.line, revision: d.origin.revision, verb: d.verb, subject: dataSubject(d), sql: d.sql,
    target: d.target ?? null, reads: d.reads, calls: d.calls,
  };
}

/** `data`: the seeded INSERTs and the statements not run, each with file:line and how it relates to the plan. */
function dataJson(plan: Plan) {
  const data = plan.data!;
  return {
    heading: DATA_HEADING,
    seeded: data.seeded.map(statementJson),
    notRun: data.notRun.map((n) => ({
      ...statementJson(n.statement), pending: n.pending, effect: n.effect, ...(n.notSeeded ? { notSeeded: n.notSeeded } : {}),
      related: n.related, order: dataOrder(n, plan, Infinity),
    })),
    mayChangeRows: data.notRun.filter((n) => n.effect === 'rows').length,
  };
}
