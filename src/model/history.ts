import type { Origin } from './origin.js';
import type { ObjectKind, QualifiedName, TypeText } from './objects.js';

/** Sub-objects (columns, constraints, triggers, enum values) also name the table or type they belong to. */
export interface HistoryRef extends QualifiedName {
  /** Owning table (columns, constraints, triggers) or enum type (enum values). */
  readonly parent?: string;
  /** A function's identity argument types: which overload a rename of an overloaded name is of. */
  readonly args?: string;
}

/**
 * The history says an object was renamed (or moved to another schema). Kept so that a live
 * database still holding the old name is planned as a RENAME, not a drop and an add.
 */
export interface RenameEvent {
  readonly event: 'rename';
  readonly object: ObjectKind;
  readonly from: HistoryRef;
  readonly to: HistoryRef;
  readonly origin?: Origin;
}

/** The history dropped an object: a live copy of it is a pending drop, not an unmanaged object. */
export interface DropEvent {
  readonly event: 'drop';
  readonly object: ObjectKind;
  readonly ref: HistoryRef;
  readonly origin?: Origin;
}

/**
 * The history changed a column's type (`ALTER COLUMN .. TYPE`), with the USING expression it
 * wrote: a live column still of the old type is converted the same way, never with a cast the
 * history did not write (an explicit cast truncates where the history's statement would fail).
 */
export interface RetypeEvent {
  readonly event: 'retype';
  readonly object: 'column';
  /** The column under its name at that point of the history. */
  readonly ref: HistoryRef;
  readonly from: TypeText;
  readonly to: TypeText;
  /** The USING expression as written (deparsed, casts kept); absent: PostgreSQL's assignment cast. */
  readonly using?: string;
  readonly origin?: Origin;
}

/** The history added an enum label (ALTER TYPE .. ADD VALUE): where a pending addition comes from. */
export interface AddValueEvent {
  readonly event: 'add value';
  readonly object: 'enum value';
  /** The label; `parent` names the enum type at that point of the history. */
  readonly ref: HistoryRef;
  readonly origin?: Origin;
}

export type HistoryEvent = RenameEvent | DropEvent | RetypeEvent | AddValueEvent;
