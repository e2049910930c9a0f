import type { Change } from '../diff/change.js';
import type { ChangeSubject } from '../diff/describe-change.js';
import type { DiffContext } from '../diff/diff-context.js';
import type { Difference } from '../diff/difference.js';
import type { HistoryRef } from '../model/history.js';
import type { ObjectKind } from '../model/objects.js';
import type { SchemaState } from '../model/schema-state.js';
import type { Built } from '../plan/action.js';
import type { DepKey } from '../plan/dependency-keys.js';
import type { Deps } from '../plan/object-deps.js';
import type { PlanContext } from '../plan/plan-context.js';

/** The change of one `kind` tag. */
export type ChangeOf<K extends Change['kind']> = Extract<Change, { kind: K }>;

/** What a kind module knows about one of its change kinds: how to plan it and how to name it. */
export interface ChangeSpec<K extends Change['kind']> {
  /** The actions (ordered units of idempotent SQL) that carry the change out, or why it cannot be planned. */
  readonly build: (c: ChangeOf<K>, index: number, ctx: PlanContext) => Built;
  /** Names and verbs for display and grouping. */
  readonly describe: (c: ChangeOf<K>) => ChangeSubject;
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
}

/** How `check` compares and counts one kind's objects in a SchemaState map. */
export interface CompareSpec<T extends object> {
  /** The state's map of this kind, keyed as relationKey/functionKey/triggerKey encode it. */
  readonly state: (s: SchemaState) => ReadonlyMap<string, T>;
  /** The ObjectKind a value is reported as. */
  readonly object: (o: T) => ObjectKind;
  /** Compares the parts of a paired object (a table's columns and constraints). */
  readonly parts?: (out: Difference[], target: T, live: T, name: string) => void;
  /** Attributes one side cannot know (a view's column list, an extension's schema): never compared. */
  readonly ignored?: ReadonlySet<string>;
  /** How many parts a pair (or a one-sided object) holds, for summaries. */
  readonly countParts?: (target: T | undefined, live: T | undefined) => number;
}

/**
 * One object kind named `N`: its changes (`C`, a union of `{ kind }` records), the ObjectKinds it owns
 * (`O`), the diff step that pairs target and live objects and emits its changes, and how `check`
 * compares it. Registered with one line in registry.ts.
 */
export interface KindModule<N extends string, C extends { readonly kind: Change['kind'] }, O extends ObjectKind> {
  /** The output block the diff files its changes under (registry order is creation order). */
  readonly name: N;
  /** Pairs target and live objects of this kind and emits changes; absent for parts diffed with their table. */
  readonly diff?: (ctx: DiffContext) => void;
  readonly changes: { readonly [K in C['kind']]: ChangeSpec<K> };
  readonly objects: { readonly [K in O]: ObjectSpec };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind compares its own value type
  readonly compare?: CompareSpec<any>;
}
