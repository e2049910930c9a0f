import { qualify } from '../../model/names.js';
import { relationExists } from '../../plan/catalog-conditions.js';
import { indexDeps } from '../../plan/object-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { relationObject } from '../object-specs.js';
import { createIndexActions } from './index-actions.js';
import type { IndexChange } from './index-change.js';
import { diffIndexes } from './index-diff.js';

const relation = relationObject({ keyword: 'INDEX', exists: relationExists, map: (s) => s.indexes, deps: indexDeps, dropRank: DROP_RANK.index, renamedAsPart: true });

/** Stand-alone indexes (those behind PK/UNIQUE/EXCLUDE constraints belong to the constraint). */
export const indexKind: KindModule<'index', IndexChange, 'index'> = {
  name: 'index',
  diff: diffIndexes,
  changes: {
    createIndex: {
      build: createIndexActions,
      describe: (c) => ({ object: 'index', name: qualify(c.index), group: qualify({ schema: c.index.schema, name: c.index.table }), action: 'create' }),
    },
  },
  objects: {
    // An index follows its table's SET SCHEMA; ALTER INDEX .. SET SCHEMA alone would part them.
    index: { ...relation, renameSql: (from, to, live) => (from.schema !== to.schema ? 'an index cannot change schema apart from its table' : relation.renameSql(from, to, live)) },
  },
  compare: { state: (s) => s.indexes, object: () => 'index' },
};
