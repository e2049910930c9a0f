import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairByName } from '../../diff/match-states.js';
import type { Pairing } from '../../diff/pairing.js';
import type { SequenceDef } from '../../model/objects.js';
import { renameSequence } from './sequence-names.js';

/** Sequences paired target-to-live through the history's renames (and their owning table's moves). */
export const SEQUENCES = slot<Pairing<SequenceDef>>('sequences');

/** Pairs sequences and records their renames (nextval() defaults print them). */
export function matchSequences(ctx: DiffContext): void {
  const sequences = pairByName(ctx, 'sequence', ctx.target.sequences, ctx.live.sequences, (s) => s.ownedBy?.table);
  for (const p of sequences.pairs) if (p.renamed) renameSequence(ctx.names, p.live, p.target);
  ctx.setMatched(SEQUENCES, sequences);
}
