import type { Change } from '../../diff/change.js';
import { originField } from '../../diff/make-change.js';
import type { Origin } from '../../model/origin.js';
import type { HistoryRef } from '../../model/history.js';
import { objectSpecs } from '../kind-lookup.js';
import type { ObjectKind } from '../../model/objects.js';

/** Why a drop is planned (see DropObjectChange). */
export type DropReason = 'history' | 'undeclared' | 'replace';

/** An object the target lacks: the history dropped it, or it differs and must be rebuilt. */
export type DropObjectChange = {
  readonly kind: 'drop';
  readonly object: ObjectKind;
  readonly ref: HistoryRef;
  readonly args?: string;
  /**
   * Why: `history` (the migrations dropped it), `undeclared` (the migrations, a complete
   * declaration, do not declare it) or `replace` (dropped to be recreated).
   */
  readonly reason: DropReason;
  /** For `replace`: the attributes target and live differ in (PostgreSQL cannot alter them in place). */
  readonly differs?: readonly string[];
};

/**
 * DROP. A drop made to rebuild a changed object (`replace`) is followed by its re-creation, and
 * a history drop of a constraint or an index loses no rows (a database far behind often must
 * drop an old primary key before the history's new one can be added): they change behaviour.
 * Other history drops remove an object. A table's or column's DROP statement loses data itself
 * (a replaced column's old generation included), which makes the change destructive.
 */
export function drop(object: ObjectKind, ref: HistoryRef, reason: DropReason, origin: Origin | undefined, args?: string, differ?: readonly string[]): Change {
  return {
    kind: 'drop', object, ref, ...(args !== undefined ? { args } : {}), reason, ...(differ?.length ? { differs: differ } : {}),
    concern: reason === 'replace' || objectSpecs()[object].dropKeepsRows ? 'changes behaviour' : 'removes an object', ...originField(origin),
  };
}

