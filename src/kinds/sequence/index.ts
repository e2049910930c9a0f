import { qualify } from '../../model/names.js';
import { relationExists } from '../../plan/catalog-conditions.js';
import { sequenceDeps } from './sequence-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { relationObject, tableFollowerNames } from '../object-specs.js';
import { alterSequenceActions, createSequenceActions } from './sequence-actions.js';
import type { SequenceChange } from './sequence-change.js';
import { diffSequences } from './sequence-diff.js';
import { relationMention } from '../../plan/object-deps.js';
import { matchSequences } from './sequence-match.js';

/** Sequences: stand-alone, serial (OWNED BY) and identity ones (which come and go with their column). */
export const sequenceKind: KindModule<'sequence', SequenceChange, 'sequence'> = {
  name: 'sequence',
  match: matchSequences,
  diff: diffSequences,
  changes: {
    createSequence: {
      build: createSequenceActions,
      describe: (c) => ({ object: 'sequence', name: qualify(c.sequence), group: qualify(c.sequence), action: 'create' }),
    },
    alterSequence: {
      build: alterSequenceActions,
      describe: (c) => ({ object: 'sequence', name: qualify(c.sequence), group: qualify(c.sequence), action: 'alter' }),
    },
  },
  objects: {
    sequence: relationObject({
      keyword: 'SEQUENCE', exists: relationExists, map: (s) => s.sequences, deps: sequenceDeps, dropRank: DROP_RANK.sequence, renamedAsPart: true, names: tableFollowerNames('sequence'),
    }),
  },
  compare: { state: (s) => s.sequences, object: () => 'sequence' },
  inPlace: (t) => [...t.sequences.values()].map((q) => ({ label: 'sequence', name: qualify(q) })),
  mentionables: (s) => [...s.sequences.values()].map(relationMention),
};
