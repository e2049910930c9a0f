import type { SequenceDef } from '../../model/objects.js';

/** The changes the sequence kind emits. */
export type SequenceChange =
  | { readonly kind: 'createSequence'; readonly sequence: SequenceDef }
  | { readonly kind: 'alterSequence'; readonly sequence: SequenceDef; readonly live: SequenceDef };
