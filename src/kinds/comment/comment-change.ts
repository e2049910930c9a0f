import type { Change } from '../../diff/change.js';
import { originField } from '../../diff/make-change.js';
import type { Origin } from '../../model/origin.js';
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

/** The COMMENT ON change. */
export type SetCommentChange = Extract<Change, { kind: 'setComment' }>;

/** COMMENT ON: metadata only (`null` removes the comment). */
export const setComment = (object: ObjectKind, ref: HistoryRef, comment: string | null, origin: Origin | undefined, args?: string): SetCommentChange => ({
  kind: 'setComment', object, ref, ...(args !== undefined ? { args } : {}), comment, ...originField(origin),
});

