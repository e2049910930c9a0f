import { qualify } from '../../model/names.js';
import { collationDeps, collationDep, collationMention } from './collation-deps.js';
import { matchCollations } from './collation-match.js';
import type { KindModule } from '../kind-module.js';
import { ownNames, relationObject } from '../object-specs.js';
import { COLLATION_RANK, collationExists, createCollationActions } from './collation-actions.js';
import type { CollationChange } from './collation-change.js';
import { diffCollations } from './collation-diff.js';

/**
 * Collations in user schemas: created (guarded), renamed and moved (ALTER COLLATION .. RENAME TO /
 * SET SCHEMA) and dropped through the shared changes; anything else is fixed at creation.
 */
export const collationKind: KindModule<'collation', CollationChange, 'collation'> = {
  name: 'collation',
  match: matchCollations,
  diff: diffCollations,
  changes: {
    createCollation: {
      build: createCollationActions,
      describe: (c) => {
        const name = qualify(c.collation);
        const detail = c.collation.provider === 'libc' ? `libc ${c.collation.lcCollate}` : `${c.collation.provider} ${c.collation.locale}`;
        return { object: 'collation', name, group: name, action: 'create', detail };
      },
    },
  },
  objects: {
    collation: relationObject({
      keyword: 'COLLATION', exists: collationExists, map: (s) => s.collations, deps: collationDeps, dropRank: COLLATION_RANK.drop, renamedAsPart: false,
      names: ownNames('collation'), dep: collationDep,
    }),
  },
  compare: { state: (s) => s.collations, object: () => 'collation' },
  mentionables: (s) => [...s.collations.values()].map(collationMention),
};
