import { describeLockHolders, isLockTimeout, type Database } from '../db/index.js';
import { diff } from '../diff/diff.js';
import { introspect, readAlembicVersion } from '../introspect/index.js';
import type { ExcludeRule } from '../model/exclude.js';
import { schemasWithPastNames, scopeState } from '../model/scope.js';
import type { SchemaState } from '../model/schema-state.js';
import { plan as planChanges, TRANSACTION_SETTINGS } from '../plan/index.js';
import type { PlanHistory } from '../plan/history-context.js';
import type { Plan, PlanStep } from '../plan/types.js';
import { fingerprint } from '../plan/fingerprint.js';
import { savedPlanMismatch, type SavedPlanCheck } from '../plan/saved-plan.js';
import { UserError } from '../errors.js';
import { acquireApplyLock, releaseApplyLock } from './advisory-lock.js';
import { assertRolesExist } from './missing-roles.js';
import { ApplyError } from './apply-error.js';
import { batchSql, batchSteps } from './batches.js';

/** A replayed target with what the planner needs of its history (revisions, data statements). */
export interface ReplayedTarget {
  readonly state: SchemaState;
  /** Everything but `alembicVersion`, which apply reads inside the lock. */
  readonly history: PlanHistory;
}

/** What apply brings the database to: a schema, or a schema with its history (records alembic_version, runs seeds). */
export type ApplyTarget = SchemaState | ReplayedTarget;

/** The steps that record the applied revision in alembic_version (they belong to no change). */
function stampSteps(plan: Plan): PlanStep[] {
  return (plan.alembic?.stamp ?? []).map((sql, i) => ({
    id: plan.steps.length + i + 1, change: -1, sql, transactional: true, description: `record revision ${plan.alembic!.heads.join(', ')} in alembic_version`,
  }));
}

/** How `apply` behaves; every field has a safe default. */
export interface ApplyOptions {
  readonly allowDestructive?: boolean;
  readonly concurrentIndexes?: boolean;
  /**
   * The target is a complete declaration of the schemas compared: live objects it lacks are
   * dropped (destructive ones only with allowDestructive) instead of left alone as unmanaged.
   */
  readonly declaration?: boolean;
  /**
   * Owners the history set (`ALTER ... OWNER TO`) are read, compared and changed too (`--owners`);
   * off by default, since deploy roles differ between environments.
   */
  readonly owners?: boolean;
  /** How long to wait for another apply's advisory lock (default 60 s). */
  readonly lockWaitMs?: number;
  /** Session lock_timeout: fail fast instead of queueing behind a long transaction (default 5 s). */
  readonly lockTimeoutMs?: number;
  /** Session statement_timeout (default 0: none). */
  readonly statementTimeoutMs?: number;
  /** Refuse unless the live schema still has this fingerprint (from a saved `plan --format json`). */
  readonly expectedFingerprint?: string;
  /**
   * A saved plan (`plan --format json`): apply runs exactly its statements, or refuses with a
   * UserError and writes nothing when the live schema, the target or the statements differ.
   */
  readonly savedPlan?: SavedPlanCheck;
  readonly schemas?: readonly string[];
  readonly includeAlembicVersion?: boolean;
  /** Objects left out on both sides: neither planned nor reported as unmanaged. */
  readonly exclude?: readonly ExcludeRule[];
  /** Called with the plan computed inside the lock, before anything runs (the CLI prints it). */
  readonly onPlan?: (plan: Plan, live: SchemaState) => void;
  /**
   * Asked after onPlan, before anything runs (the CLI asks a person on a terminal); false stops
   * the apply with a UserError and nothing written.
   */
  readonly confirm?: (plan: Plan) => boolean | Promise<boolean>;
  /** Progress callback (e.g. the CLI prints "applying step 3/7 ..."). */
  readonly onStep?: (step: PlanStep, total: number) => void;
}

/** What an apply did and proved. */
export interface ApplyResult {
  /** The plan computed inside the lock: what was applied. */
  readonly plan: Plan;
  readonly live: SchemaState;
  readonly appliedSteps: number;
  /** Changes still planned after re-introspection (empty when the target was reached; the plan itself when it had no step). */
  readonly remaining: Plan;
  /** Milliseconds spent introspecting and planning, running the steps, and verifying. */
  readonly timings: { readonly planMs: number; readonly executeMs: number; readonly verifyMs: number };
}

function message(e: unknown, opts: ApplyOptions, step?: PlanStep): string {
  const text = e instanceof Error ? e.message : String(e);
  // 42501 insufficient_privilege on ALTER ... OWNER TO (--owners): PostgreSQL's own conditions.
  if ((e as { code?: string }).code === '42501' && step && / OWNER TO /.test(step.sql)) {
    return `${text} (changing an owner needs the applying role to own the object or be a member of its owner, to be a member of the new owner, and the new owner to have CREATE on the object's schema; or a superuser; or apply without --owners)`;
  }
  // 55P03 lock_not_available: another session holds a lock the step needs.
  if ((e as { code?: string }).code === '55P03') {
    return `${text} (another session holds a lock on the object; lock_timeout is ${Math.round((opts.lockTimeoutMs ?? 5000) / 1000)} s, see --lock-timeout)`;
  }
  // 53200 out_of_memory, "out of shared memory": one transaction creating thousands of tables
  // (each with indexes and sequences) holds more locks than max_locks_per_transaction allows.
  if ((e as { code?: string }).code === '53200' && /shared memory/i.test(text)) {
    return `${text} (the plan takes more locks in its one transaction than the server allows: raise max_locks_per_transaction, which needs a restart)`;
  }
  return text;
}

/** Opens a plan's transaction with its settings, in one round trip. */
const BEGIN = ['BEGIN', ...TRANSACTION_SETTINGS].join('; ');

/**
 * Runs the steps in one transaction, sent in batches (one round trip per batch instead of per
 * step: at thousands of steps the round trips, not the DDL, dominate). The server does not say
 * which statement of a batch failed, so after a failure the transaction is rolled back and run
 * again one step per round trip, which names the failing step; if that run succeeds (the failure
 * was transient), it is what is committed. Not after a lock timeout: the retry would wait as long
 * again behind the same session; the error names the tables other sessions hold instead.
 */
async function runTransaction(db: Database, plan: Plan, steps: readonly PlanStep[], opts: ApplyOptions, total: number, committed: readonly PlanStep[] = []): Promise<void> {
  if (!steps.length) return;
  await db.exec(BEGIN);
  try {
    for (const batch of batchSteps(steps)) {
      for (const step of batch) if (step.change >= 0) opts.onStep?.(step, total);
      await db.exec(batchSql(batch));
    }
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => undefined);
    if (isLockTimeout(e)) throw await lockTimeoutError(db, steps, opts, committed);
    await runStepByStep(db, plan, steps, opts, committed);
    return;
  }
  await db.exec('COMMIT');
}

/** A lock timeout in a transaction: which tables other sessions hold, and what was rolled back. */
async function lockTimeoutError(db: Database, steps: readonly PlanStep[], opts: ApplyOptions, committed: readonly PlanStep[]): Promise<UserError> {
  const holders = await describeLockHolders(db, false).catch(() => undefined);
  const seconds = Math.round((opts.lockTimeoutMs ?? 5000) / 1000);
  const range = steps.length === 1 ? `step ${steps[0]!.id}` : `steps ${steps[0]!.id}-${steps[steps.length - 1]!.id}`;
  const kept = committed.length ? `; committed before it: ${committed.map((s) => `step ${s.id} (${s.description})`).join(', ')}` : ': the database is unchanged';
  return new UserError(
    `lock timeout after ${seconds} s in the transaction of ${range}: another session holds a lock on ` +
      `${holders ?? 'a table the plan changes (it has finished since)'}; the transaction was rolled back${kept}. ` +
      'Retry when that session is done, or raise --lock-timeout.',
  );
}

/** The transaction again, one step per round trip, to name the step the server rejects. */
async function runStepByStep(db: Database, plan: Plan, steps: readonly PlanStep[], opts: ApplyOptions, committed: readonly PlanStep[]): Promise<void> {
  await db.exec(BEGIN);
  for (const step of steps) {
    try {
      await db.exec(step.sql);
    } catch (e) {
      await db.exec('ROLLBACK').catch(() => undefined);
      throw new ApplyError(step, plan.changes[step.change], message(e, opts, step), true, committed);
    }
  }
  await db.exec('COMMIT');
}

/**
 * Applies the missing pieces of `target` to the database: under an advisory lock, with
 * lock/statement timeouts, re-planned inside the lock, every transactional step in one
 * transaction (all or nothing), non-transactional steps after it, then re-introspected to prove
 * the target was reached (when any step ran). `target` may be a promise, so the caller can replay
 * while the lock is taken and the catalog read (the CLI does); if it rejects, nothing is written,
 * the lock is released and the rejection propagates.
 */
export async function apply(db: Database, target: ApplyTarget | Promise<ApplyTarget>, opts: ApplyOptions = {}): Promise<ApplyResult> {
  await db.exec(
    `SET lock_timeout = ${Math.max(0, Math.round(opts.lockTimeoutMs ?? 5000))}; ` +
      `SET statement_timeout = ${Math.max(0, Math.round(opts.statementTimeoutMs ?? 0))}`,
  );
  await acquireApplyLock(db, opts.lockWaitMs ?? 60_000);
  try {
    const scope = { ...(opts.schemas?.length ? { schemas: [...opts.schemas] } : {}), includeAlembicVersion: !!opts.includeAlembicVersion, ...(opts.owners ? { owners: true } : {}) };
    const planOpts = { allowDestructive: !!opts.allowDestructive, concurrentIndexes: !!opts.concurrentIndexes };
    const diffOpts = { declaration: !!opts.declaration, schemas: opts.schemas ?? [], owners: !!opts.owners };
    const started = performance.now();
    const inScope = (s: SchemaState, schemas = opts.schemas ?? []): SchemaState => scopeState(s, { schemas, exclude: opts.exclude ?? [] });
    const reading = introspect(db, scope).then((s) => inScope(s));
    reading.catch(() => undefined); // observed below; a failure while the target is awaited is not unhandled
    let wanted: SchemaState;
    let history: PlanHistory | undefined;
    try {
      const t = await target;
      const [state, h] = 'state' in t ? [t.state, t.history] : [t, undefined];
      wanted = inScope(state);
      history = h;
    } catch (e) {
      // Let the catalog read finish: the connection must be idle to release the lock.
      await reading.catch(() => undefined);
      throw e;
    }
    // A schema the history renamed is read under its earlier names too (read again when it was).
    const schemas = schemasWithPastNames(wanted, opts.schemas ?? []);
    const live = schemas ? inScope(await reading.catch(() => undefined).then(() => introspect(db, { ...scope, schemas: [...schemas] })), schemas) : await reading;
    if (history) history = { ...history, alembicVersion: await readAlembicVersion(db) };
    const plan = planChanges(diff(wanted, live, diffOpts), live, { ...planOpts, ...(history ? { history } : {}) });
    if (opts.expectedFingerprint !== undefined && opts.expectedFingerprint !== plan.fingerprint) {
      throw new UserError(
        `the live schema changed since the plan was made (fingerprint ${plan.fingerprint}, plan was made against ${opts.expectedFingerprint}); nothing was applied: run plan again`,
      );
    }
    if (opts.savedPlan) {
      const why = savedPlanMismatch(opts.savedPlan, plan, fingerprint(wanted));
      if (why) throw new UserError(`${why}; nothing was applied: run plan again and review the new plan`);
    }
    await assertRolesExist(db, plan);
    opts.onPlan?.(plan, live);
    if (plan.steps.length && opts.confirm && !(await opts.confirm(plan))) {
      throw new UserError('apply cancelled: nothing was applied');
    }
    const planned = performance.now();
    const total = plan.steps.length;
    // Enum labels later steps use are committed first (PostgreSQL refuses a label's use in the
    // transaction that added it); a failure in the main transaction then names them as committed.
    // What PostgreSQL refuses in a transaction (CREATE INDEX CONCURRENTLY) runs after the commit.
    // alembic_version is recorded in the main transaction, or, when steps run after the commit, in
    // a transaction of its own after them: it names the revision only once everything ran.
    const early = plan.steps.filter((s) => s.transactional && s.early);
    const afterCommit = plan.steps.filter((s) => !s.transactional);
    const stamp = stampSteps(plan);
    await runTransaction(db, plan, early, opts, total);
    const main = plan.steps.filter((s) => s.transactional && !s.early);
    await runTransaction(db, plan, [...main, ...(afterCommit.length ? [] : stamp)], opts, total, early);
    for (const step of afterCommit) {
      opts.onStep?.(step, total);
      try {
        await db.exec(step.sql);
      } catch (e) {
        throw new ApplyError(step, plan.changes[step.change], message(e, opts, step), false);
      }
    }
    if (afterCommit.length) await runTransaction(db, plan, stamp, opts, total);
    const executed = performance.now();
    // With no step run, the catalog is the one just read inside the lock, and planning is pure:
    // re-reading it (a second catalog read, the usual deploy's largest cost) would prove nothing new.
    let remaining = plan;
    if (total) {
      const after = inScope(await introspect(db, scope));
      // Without the history: what remains is schema; seeds ran with their tables.
      remaining = planChanges(diff(wanted, after, diffOpts), after, planOpts);
    }
    const timings = { planMs: planned - started, executeMs: executed - planned, verifyMs: performance.now() - executed };
    return { plan, live, appliedSteps: total, remaining, timings };
  } finally {
    await releaseApplyLock(db).catch(() => undefined);
  }
}
