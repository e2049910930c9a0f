import type { HistoryRef } from '../../model/history.js';
import type { ObjectKind } from '../../model/objects.js';

/** The history renamed an object the live database still has under its old name. */
export type RenameChange = {
  readonly kind: 'rename';
  readonly object: ObjectKind;
  readonly from: HistoryRef;
  readonly to: HistoryRef;
};
