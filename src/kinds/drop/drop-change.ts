import type { HistoryRef } from '../../model/history.js';
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
