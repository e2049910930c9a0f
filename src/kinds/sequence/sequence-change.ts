import type { Change } from '../../diff/change.js';
import { concernField, originField } from '../../diff/make-change.js';
import type { SequenceDef } from '../../model/objects.js';

/** The changes the sequence kind emits. */
export type SequenceChange =
  | { readonly kind: 'createSequence'; readonly sequence: SequenceDef }
  | { readonly kind: 'alterSequence'; readonly sequence: SequenceDef; readonly live: SequenceDef };

/** CREATE SEQUENCE: additive. */
export const createSequence = (sequence: SequenceDef): Change => ({
  kind: 'createSequence', sequence, ...originField(sequence.origin),
});

/** ALTER SEQUENCE: changes behaviour of a sequence in use (bounds and restarts affect the next values); not of one just created. */
export const alterSequence = (sequence: SequenceDef, live: SequenceDef, isNew: boolean): Change => ({
  kind: 'alterSequence', sequence, live, ...concernField(!isNew && 'changes behaviour'), ...originField(sequence.origin),
});

