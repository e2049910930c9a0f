import type { KindChange, KindConcern, KindHazard } from '../kinds/registry.js';
import type { HistoryRef } from '../model/history.js';
import type { QualifiedName } from '../model/names.js';
import type { ObjectKind } from '../model/objects.js';
import type { Origin } from '../model/origin.js';

/**
 * How risky a change is to run against a database with real data and traffic.
 * - safe: purely additive;
 * - review: may fail on existing data or lock/rewrite a table: planned, flagged, never hidden;
 * - destructive: drops or narrows: planned only with --allow-destructive, otherwise skipped.
 */
export type Safety = 'safe' | 'review' | 'destructive';

/**
 * What can go wrong when a change runs, shown next to review/destructive changes: these, and
 * those a kind module declares for its own changes (KindModule's `H`: row-level security, access).
 */
export type Hazard = CommonHazard | KindHazard;

/** Hazards any kind's statements can have. */
type CommonHazard =
  | 'table rewrite'
  | 'full table scan'
  | 'access exclusive lock'
  | 'may fail on existing data'
  | 'data loss'
  | 'blocks writes while building'
  /** Runs after the commit, on its own (CREATE INDEX CONCURRENTLY): a failure leaves what ran before it committed. */
  | 'runs outside the transaction';

/**
 * Why a change needs a person's eye that its statements' locks and row effects cannot show: only
 * its kind knows it. The plan derives each change's safety class and hazards from the statements
 * it emits plus this (src/plan/derive-hazards.ts).
 */
export type Concern = CommonConcern | KindConcern;

/** Concerns any kind's changes can have; a kind declares its own (KindModule's `K`: row-level security, access). */
export type CommonConcern =
  /** review: what users of the object get changes (a rename, a replaced view, function or trigger, a changed default, an altered sequence or identity, a constraint or index dropped or rebuilt). */
  | 'changes behaviour'
  /** destructive: an object the migrations dropped goes (a view, function, type, sequence, schema, trigger ...) and whatever uses it breaks. */
  | 'removes an object';

/** Fields every change carries. */
interface ChangeBase {
  /** What only the kind knows the change risks (absent: its statements tell everything). */
  readonly concern?: Concern;
  /** Where the target side of the change comes from in the migrations (absent for drops of unknown origin). */
  readonly origin?: Origin;
}

/** A table (schema + name) a change belongs to. */
export type TableRef = QualifiedName;

/**
 * The closed union of changes the diff produces, tagged by `kind`: the changes of every kind
 * module registered in src/kinds/registry.ts. Every switch over it ends in an exhaustiveness
 * check, and the planner's specs are a record over its tags, so a new kind does not compile until
 * every stage handles it.
 */
export type Change = ChangeBase & KindChange;

/** A change as the plan reports it: with the safety class and hazards derived from its statements. */
export type PlannedChange = Change & { readonly safety: Safety; readonly hazards: readonly Hazard[] };

/** The `kind` tags of Change. */
export type ChangeKind = Change['kind'];

/** Compile-time exhaustiveness check for switches over a closed union. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(x)}`);
}

/** A live object that no migration mentions: reported, never touched. */
export interface UnmanagedObject {
  readonly object: ObjectKind;
  readonly ref: HistoryRef;
}

/**
 * A difference the diff cannot turn into a change (e.g. an enum value the live database has
 * that the target lacks: PostgreSQL cannot drop enum values), reported for a person to act on.
 */
export interface Drift {
  readonly object: ObjectKind;
  readonly ref: HistoryRef;
  readonly message: string;
  readonly origin?: Origin;
}

/** The diff's result: typed changes (target order not yet decided), plus what it will not touch. */
export interface DiffResult {
  readonly changes: readonly Change[];
  readonly unmanaged: readonly UnmanagedObject[];
  readonly drift: readonly Drift[];
}
