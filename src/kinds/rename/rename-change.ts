import type { Change } from '../../diff/change.js';
import { originField } from '../../diff/make-change.js';
import type { Origin } from '../../model/origin.js';
import type { HistoryRef } from '../../model/history.js';
import type { ObjectKind } from '../../model/objects.js';

/** The history renamed an object the live database still has under its old name. */
export type RenameChange = {
  readonly kind: 'rename';
  readonly object: ObjectKind;
  readonly from: HistoryRef;
  readonly to: HistoryRef;
};

/** ALTER .. RENAME (or SET SCHEMA): keeps the data, but anything using the old name breaks. */
export const rename = (object: ObjectKind, from: HistoryRef, to: HistoryRef, origin: Origin | undefined): Change => ({
  kind: 'rename', object, from, to, concern: 'changes behaviour', ...originField(origin),
});

