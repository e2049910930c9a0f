import type { HistoryRef } from '../../model/history.js';
import type { ObjectKind } from '../../model/objects.js';

/** The change the comment kind emits: COMMENT ON any object. */
export type CommentChange = {
  readonly kind: 'setComment';
  readonly object: ObjectKind;
  /** The commented object; `parent` names the table for columns, constraints and triggers. */
  readonly ref: HistoryRef;
  /** Function identity arguments, for functions. */
  readonly args?: string;
  readonly comment: string | null;
};
