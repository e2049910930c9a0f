import type { Change, Hazard, Safety } from '../diff/change.js';
import type { QualifiedName } from '../model/names.js';
import type { PlanFacts } from '../plan/plan-facts.js';
import type { Mentionable } from '../plan/mentions.js';
import type { ChangeSubject } from '../diff/describe-change.js';
import type { DiffContext, DiffOptions } from '../diff/diff-context.js';
import type { Difference } from '../diff/difference.js';
import type { HistoryEvent, HistoryRef } from '../model/history.js';
import type { HistoryIndex, NameSpec } from '../diff/past-names.js';
import type { ObjectKind } from '../model/objects.js';
import type { SchemaState } from '../model/schema-state.js';
import type { Action, Built } from '../plan/action.js';
import type { DepKey } from '../plan/dependency-keys.js';
import type { Deps } from '../plan/object-deps.js';
import type { PlanContext } from '../plan/plan-context.js';

/** The change of one `kind` tag. */
export type ChangeOf<K extends string> = Extract<Change, { kind: K }>;

/** What a kind module knows about one of its change kinds: how to plan it and how to name it. */
export interface ChangeSpec<K extends string> {
  /** The actions (ordered units of idempotent SQL) that carry the change out, or why it cannot be planned. */
  readonly build: (c: ChangeOf<K>, index: number, ctx: PlanContext) => Built;
  /** Names and verbs for display and grouping. */
  readonly describe: (c: ChangeOf<K>) => ChangeSubject;
  /** What the planner's other builders must know about this change (plan-context.ts scans every change once). */
  readonly scan?: (c: ChangeOf<K>, facts: PlanFacts) => void;
  /** The tables (and columns) the change touches in the ER diagram of a plan or check report. */
  readonly diagram?: (c: ChangeOf<K>, marks: DiagramMarks) => void;
  /** The history statement the change cites when it is not the object's creation (a rename, an added label). */
  readonly eventOrigin?: (c: ChangeOf<K>, events: HistoryEvents) => HistoryEvent | undefined;
}

/** How a table of the ER diagram is affected: created, dropped, changed, or only referenced. */
export type TableMark = 'new' | 'dropped' | 'changed' | 'context';

/** What changes mark in the ER diagram: tables touched, and notes on their columns (`added`, `type was ..`). */
export interface DiagramMarks {
  /** Marks a table (`changed` unless said otherwise); `renamedFrom` labels a renamed one. */
  touch(table: QualifiedName, mark?: TableMark, renamedFrom?: string): void;
  /** Adds a note on a column of a table (and marks the table changed). */
  note(table: QualifiedName, column: string, text: string): void;
}

/** Every change kind's spec: a record over the closed union, so a kind without one does not compile. */
export type ChangeSpecs = { readonly [K in Change['kind']]: ChangeSpec<K> };

/** The drop of an object of any kind (the generic `drop` change). */
export type DropChange = ChangeOf<'drop'>;

/** The live object a drop removes, found by its reference. */
export interface DropTarget {
  readonly deps: Deps;
  /** Order among drops of one phase (DROP_RANK), dependents first. */
  readonly dropRank: number;
  /** For functions: whether it is a procedure, and its identity arguments when known. */
  readonly procedure?: boolean;
  readonly args?: string;
}

/** The guarded statements of a rename: they run only while `condition` holds (old name there, new one free). */
export interface RenameSql {
  readonly condition: string;
  readonly statements: readonly string[];
}

/**
 * What the generic drop, rename and display code needs from one ObjectKind. The kind module
 * owns its DDL; the central dispatchers (plan/drop-actions.ts, plan/rename-actions.ts,
 * diff/describe-change.ts) only look the spec up by `object`.
 */
export interface ObjectSpec {
  /** Display name of an object named by a history-style reference (`public.users.email`). */
  readonly displayName: (ref: HistoryRef) => string;
  /** Drop order within a drop phase when the live object is unknown (DROP_RANK). */
  readonly dropRank: number;
  /** The live object a drop removes (`ref` in live names), undefined when the live database lacks it. */
  readonly dropTarget: (c: DropChange, live: SchemaState, ref: HistoryRef) => DropTarget | undefined;
  /** `DROP .. IF EXISTS`, never CASCADE; undefined when PostgreSQL has no such statement. */
  readonly dropSql: (c: DropChange, target: DropTarget) => string | undefined;
  /** RENAME / SET SCHEMA statements, or why PostgreSQL cannot rename this kind. */
  readonly renameSql: (from: HistoryRef, to: HistoryRef, live: SchemaState) => RenameSql | string;
  /** Renamed after tables and types (parts of a table or type, or objects following a table's SET SCHEMA). */
  readonly renamedAsPart: boolean;
  /** View and function bodies can mention it by name (a rename then orders before their re-creation). */
  readonly mentionable: boolean;
  /** What its drop needs when the live database lacks the object: its schema and parent, by name. */
  readonly dropRequires: (ref: HistoryRef) => readonly DepKey[];
  /** How history events name it (past-names.ts); `table` is the owning table of objects that follow one (indexes, owned sequences). */
  readonly names: (table?: string) => NameSpec;
  /** Its dependency key, from the helpers of dependency-keys.ts (the one place keys are encoded); `args` picks a function overload. */
  readonly dep: (ref: HistoryRef, args?: string) => DepKey;
  /** The ObjectKind `ref.parent` names (its table, its enum): renaming that renames the object's parent. */
  readonly parent?: ObjectKind;
  /** A history drop of its parent (a table of that name) dropped it too, with the table. */
  readonly droppedWithParent?: boolean;
  /** Belongs to the database, not a schema (schemas, extensions): named without a schema, dropped only by its own name. */
  readonly databaseLevel?: boolean;
  /** Kept although a complete declaration (DiffOptions.declaration) does not declare it (the `public` schema, say). */
  readonly keptUndeclared?: (ref: HistoryRef, opts: DiffOptions) => boolean;
  /** Its drop keeps every row (PostgreSQL rebuilds an index from the table): a history drop of it is review, not destructive. */
  readonly dropKeepsRows?: boolean;
  /** Its drop takes rows with it (tables, columns): data loss. */
  readonly dropLosesData?: boolean;
  /** Actions its drop needs first (a dropped table's foreign keys to other dropped tables), at the drop's base rank. */
  readonly dropFirst?: (c: DropChange, index: number, base: number, ctx: PlanContext) => Action[];
  /** Marks in the ER diagram for a comment on, rename or drop of such an object. */
  readonly diagram?: ObjectDiagram;
}

/** What a comment on, rename or drop of one ObjectKind marks in the ER diagram. */
export interface ObjectDiagram {
  readonly comment?: (ref: HistoryRef, marks: DiagramMarks) => void;
  readonly rename?: (from: HistoryRef, to: HistoryRef, marks: DiagramMarks) => void;
  readonly drop?: (c: DropChange, marks: DiagramMarks) => void;
}

/** An object of the target shown as "already in place" when no change touches it. */
export interface InPlace {
  /** What it is (`table`, `materialized view`). */
  readonly label: string;
  /** Its display name, as describeChange names it. */
  readonly name: string;
}

/** How `check` compares and counts one kind's objects in a SchemaState map. */
export interface CompareSpec<T extends object> {
  /** The state's map of this kind, keyed as relationKey/functionKey/triggerKey encode it. */
  readonly state: (s: SchemaState) => ReadonlyMap<string, T>;
  /** The ObjectKind a value is reported as. */
  readonly object: (o: T) => ObjectKind;
  /** Compares the parts of a paired object (a table's columns and constraints). */
  readonly parts?: (out: Difference[], target: T, live: T, name: string) => void;
  /** Attributes one side cannot know (a view's column list, an extension's control-file comment): never compared. */
  readonly ignored?: ReadonlySet<string>;
  /** How many parts a pair (or a one-sided object) holds, for summaries. */
  readonly countParts?: (target: T | undefined, live: T | undefined) => number;
}

/**
 * One object kind named `N`: its changes (`C`, a union of `{ kind }` records), the ObjectKinds it owns
 * (`O`), hazards and concerns only its changes have (`H`, `K`), the steps that pair target and live objects and emit
 * its changes, what the planner, `check` and the reports need of it. Registered with one line in
 * registry.ts (see docs/ADDING_A_KIND.md).
 */
export interface KindModule<N extends string, C extends { readonly kind: string }, O extends ObjectKind, H extends string = never, K extends string = never> {
  /** Type-only: the module's change union (never set at run time); the registry derives Change from it. */
  readonly changeType?: C;
  /** Type-only: hazards only this kind's changes have (never set at run time); the registry adds them to Hazard. */
  readonly hazardType?: H;
  /** Its own hazards (`H`), in the order plans list them: after data loss, before what statements show. */
  readonly hazards?: readonly H[];
  /** Type-only: concerns only this kind's changes have (see Concern); the registry adds them to Concern. */
  readonly concernType?: K;
  /** What each of its concerns adds to a change's safety class and hazards (plan/derive-hazards.ts). */
  readonly concerns?: { readonly [Q in K]: ConcernSpec };
  /** The output block the diff files its changes under (registry order is creation order). */
  readonly name: N;
  /**
   * Pairs this kind's target and live objects (DiffContext.setMatched) and records the renames it
   * finds in DiffContext.names; every kind's match runs, in registry order, before any diff step.
   */
  readonly match?: (ctx: DiffContext) => void;
  /** Pairs target and live objects of this kind and emits changes; absent for parts diffed with their table. */
  readonly diff?: (ctx: DiffContext) => void;
  readonly changes: { readonly [K in C['kind']]: ChangeSpec<K> };
  readonly objects: { readonly [K in O]: ObjectSpec };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind compares its own value type
  readonly compare?: CompareSpec<any>;
  /**
   * Fields of other kinds' objects this kind compares and changes (a grant list is changed by
   * GRANT / REVOKE, never by altering or recreating its object): every other comparison skips them.
   */
  readonly ownsFields?: readonly string[];
  /** For `check`, what this kind compares across the whole state (other kinds' fields it owns, entries of its own). */
  readonly compareState?: (target: SchemaState, live: SchemaState, opts: CompareOptions) => StateDifferences;
  /** The target's objects of this kind, for "already in place" (in-place.ts). */
  readonly inPlace?: (target: SchemaState) => Iterable<InPlace>;
  /** Everything of this kind that expressions in a state can name (relations, types, functions). */
  readonly mentionables?: (s: SchemaState) => Iterable<Mentionable>;
  /** What the planner's builders must know about the live database (plan-context.ts), once per plan. */
  readonly scanLive?: (live: SchemaState, facts: PlanFacts) => void;
}

/** What a concern adds to a change: the class it needs at least, and the hazard it names (if any). */
export interface ConcernSpec {
  readonly safety: Safety;
  readonly hazard?: Hazard;
}

/** How `check` compares (compare-states.ts). */
export interface CompareOptions {
  /** Compare owners too. */
  readonly owners?: boolean;
}

/** What a kind's compareState found. */
export interface StateDifferences {
  /** Attributes of objects other kinds compare: they join those objects' `different` entries. */
  readonly attributes: readonly Difference[];
  /** Entries of their own (not objects of a kind: default privileges). */
  readonly entries: readonly Difference[];
}

/** The history's renames and added enum labels, by the object they name (event-origins.ts). */
export interface HistoryEvents {
  /** The latest event renaming an object to `ref`. */
  renamedTo(object: ObjectKind, ref: HistoryRef): HistoryEvent | undefined;
  /** The ADD VALUE of a label, named `ref` (parent: its type). */
  added(ref: HistoryRef): HistoryEvent | undefined;
  /** The history's names index, to follow an object's earlier names. */
  index(): HistoryIndex;
}
