import type { HistoryRef } from '../model/history.js';
import type { QualifiedName } from '../model/names.js';
import type {
  ColumnDef, ConstraintDef, EnumDef, ExtensionDef, FunctionDef, IndexDef, ObjectKind, SchemaDef, SequenceDef, TableDef,
  TriggerDef, ViewDef,
} from '../model/objects.js';
import type { Origin } from '../model/origin.js';
import type { TypeStep } from './retype-path.js';

/**
 * How risky a change is to run against a database with real data and traffic.
 * - safe: purely additive;
 * - review: may fail on existing data or lock/rewrite a table: planned, flagged, never hidden;
 * - destructive: drops or narrows: planned only with --allow-destructive, otherwise skipped.
 */
export type Safety = 'safe' | 'review' | 'destructive';

/** What can go wrong when a change runs, shown next to review/destructive changes. */
export type Hazard =
  | 'table rewrite'
  | 'full table scan'
  | 'access exclusive lock'
  | 'may fail on existing data'
  | 'data loss'
  | 'blocks writes while building'
  /** Runs after the commit, on its own (CREATE INDEX CONCURRENTLY): a failure leaves what ran before it committed. */
  | 'runs outside the transaction';

/** Fields every change carries. */
interface ChangeBase {
  readonly safety: Safety;
  readonly hazards: readonly Hazard[];
  /** Where the target side of the change comes from in the migrations (absent for drops of unknown origin). */
  readonly origin?: Origin;
}

/** A table (schema + name) a change belongs to. */
export type TableRef = QualifiedName;

/**
 * The closed union of changes the diff produces, tagged by `kind`. Every switch over it ends in
 * an exhaustiveness check, so a new kind does not compile until every stage handles it.
 */
export type Change = ChangeBase &
  (
    | { readonly kind: 'createSchema'; readonly schema: SchemaDef }
    | { readonly kind: 'createExtension'; readonly extension: ExtensionDef }
    | { readonly kind: 'createEnum'; readonly enum: EnumDef }
    | {
        readonly kind: 'addEnumValue';
        readonly enum: QualifiedName;
        readonly value: string;
        /** Position: the existing value it goes before/after (absent: at the end). */
        readonly neighbor?: { readonly value: string; readonly after: boolean };
      }
    | { readonly kind: 'createSequence'; readonly sequence: SequenceDef }
    | { readonly kind: 'alterSequence'; readonly sequence: SequenceDef; readonly live: SequenceDef }
    | { readonly kind: 'createTable'; readonly table: TableDef }
    /** ALTER TABLE RESET (`reset` names) then SET (`options`, the target's, in order). */
    | { readonly kind: 'setTableOptions'; readonly table: TableRef; readonly options: readonly string[]; readonly reset: readonly string[] }
    /** ALTER TABLE SET LOGGED / SET UNLOGGED: `unlogged` is the target persistence. */
    | { readonly kind: 'setLogged'; readonly table: TableRef; readonly unlogged: boolean }
    | { readonly kind: 'addColumn'; readonly table: TableRef; readonly column: ColumnDef }
    | {
        readonly kind: 'alterColumnType';
        readonly table: TableRef;
        readonly column: ColumnDef;
        readonly from: string;
        /** The `TYPE` statements to run, in order, with the history's USING; the last goes to `column.type`. */
        readonly steps: readonly TypeStep[];
      }
    | {
        readonly kind: 'setDefault'; readonly table: TableRef; readonly column: string; readonly from?: string; readonly to?: string;
        /** `to` as the migration wrote it, which is what runs (see ColumnDef.defaultSql). */
        readonly toSql?: string;
      }
    | { readonly kind: 'setNotNull'; readonly table: TableRef; readonly column: string; readonly notNull: boolean }
    | { readonly kind: 'alterIdentity'; readonly table: TableRef; readonly column: ColumnDef; readonly live: ColumnDef }
    | { readonly kind: 'setGenerated'; readonly table: TableRef; readonly column: ColumnDef; readonly live: ColumnDef }
    | { readonly kind: 'addConstraint'; readonly table: TableRef; readonly constraint: ConstraintDef; readonly newTable: boolean }
    | { readonly kind: 'validateConstraint'; readonly table: TableRef; readonly constraint: string }
    | { readonly kind: 'createIndex'; readonly index: IndexDef; readonly newTable: boolean }
    | { readonly kind: 'createView'; readonly view: ViewDef; readonly replace: boolean }
    | { readonly kind: 'createFunction'; readonly function: FunctionDef; readonly replace: boolean }
    | { readonly kind: 'createTrigger'; readonly trigger: TriggerDef; readonly replace: boolean }
    | {
        readonly kind: 'setComment';
        readonly object: ObjectKind;
        /** The commented object; `parent` names the table for columns, constraints and triggers. */
        readonly ref: HistoryRef;
        /** Function identity arguments, for functions. */
        readonly args?: string;
        readonly comment: string | null;
      }
    | {
        /** The history renamed an object the live database still has under its old name. */
        readonly kind: 'rename';
        readonly object: ObjectKind;
        readonly from: HistoryRef;
        readonly to: HistoryRef;
      }
    | {
        /** An object the target lacks: the history dropped it, or it differs and must be rebuilt. */
        readonly kind: 'drop';
        readonly object: ObjectKind;
        readonly ref: HistoryRef;
        readonly args?: string;
        /** Why: `history` (the migrations dropped it) or `replace` (dropped to be recreated). */
        readonly reason: 'history' | 'replace';
        /** For `replace`: the attributes target and live differ in (PostgreSQL cannot alter them in place). */
        readonly differs?: readonly string[];
      }
  );

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
