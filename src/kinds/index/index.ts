import { qualify } from '../../model/names.js';
import { relationExists } from '../../plan/catalog-conditions.js';
import { indexDeps } from './index-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { relationObject, tableFollowerNames } from '../object-specs.js';
import { createIndexActions } from './index-actions.js';
import type { IndexChange } from './index-change.js';
import { diffIndexes } from './index-diff.js';
import { relationMention } from '../../plan/object-deps.js';
import { matchIndexes } from './index-match.js';

const relation = relationObject({ keyword: 'INDEX', exists: relationExists, map: (s) => s.indexes, deps: indexDeps, dropRank: DROP_RANK.index, renamedAsPart: true, names: tableFollowerNames('index') });

/** Stand-alone indexes (those behind PK/UNIQUE/EXCLUDE constraints belong to the constraint). */
export const indexKind: KindModule<'index', IndexChange, 'index'> = {
  name: 'index',
  match: matchIndexes,
  diff: diffIndexes,
  changes: {
    createIndex: {
      build: createIndexActions,
      diagram: (c, marks) => marks.touch({ schema: c.index.schema, name: c.index.table }),
      describe: (c) => ({ object: 'index', name: qualify(c.index), group: qualify({ schema: c.index.schema, name: c.index.table }), action: 'create' }),
    },
  },
  objects: {
    // An index follows its table's SET SCHEMA; ALTER INDEX .. SET SCHEMA alone would part them.
    index: { ...relation, dropKeepsRows: true, renameSql: (from, to, live) => (from.schema !== to.schema ? 'an index cannot change schema apart from its table' : relation.renameSql(from, to, live)) },
  },
  compare: { state: (s) => s.indexes, object: () => 'index' },
  inPlace: (t) => [...t.indexes.values()].map((i) => ({ label: 'index', name: qualify(i) })),
  mentionables: (s) => [...s.indexes.values()].map(relationMention),
};
