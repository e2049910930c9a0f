import type { HistoryRef } from '../../model/history.js';
import type { ObjectKind } from '../../model/objects.js';

/** An object the target lacks: the history dropped it, or it differs and must be rebuilt. */
export type DropObjectChange = {
  readonly kind: 'drop';
  readonly object: ObjectKind;
  readonly ref: HistoryRef;
  readonly args?: string;
  /** Why: `history` (the migrations dropped it) or `replace` (dropped to be recreated). */
  readonly reason: 'history' | 'replace';
  /** For `replace`: the attributes target and live differ in (PostgreSQL cannot alter them in place). */
  readonly differs?: readonly string[];
};
