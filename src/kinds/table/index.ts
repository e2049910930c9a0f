import { qualify } from '../../model/names.js';
import type { TableDef } from '../../model/objects.js';
import { relationExists } from '../../plan/catalog-conditions.js';
import { tableDeps, type Deps } from '../../plan/object-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { relationObject } from '../object-specs.js';
import { attachPartitionActions, createTableActions, detachPartitionActions, setLoggedActions, setTableOptionsActions } from './table-actions.js';
import type { TableChange } from './table-change.js';
import { compareTableParts, countTableParts } from './table-compare.js';
import { diffTables } from './table-diff.js';

/** A dropped table's live dependencies, leaving out its foreign keys (dropped separately when they would block). */
function liveTableDeps(t: TableDef): Deps {
  return tableDeps(t, t.constraints.filter((c) => c.type !== 'foreign key'));
}

/** Tables (and partitions); their columns and constraints are diffed with them but are kinds of their own. */
export const tableKind: KindModule<'table', TableChange, 'table'> = {
  name: 'table',
  diff: diffTables,
  changes: {
    createTable: {
      build: createTableActions,
      describe: (c) => ({ object: 'table', name: qualify(c.table), group: qualify(c.table), action: 'create', detail: `${c.table.columns.length} columns` }),
    },
    setTableOptions: {
      build: setTableOptionsActions,
      describe: (c) => ({ object: 'table', name: qualify(c.table), group: qualify(c.table), action: 'set storage options of', detail: c.options.join(', ') || '(none)' }),
    },
    setLogged: {
      build: setLoggedActions,
      describe: (c) => ({ object: 'table', name: qualify(c.table), group: qualify(c.table), action: c.unlogged ? 'set unlogged' : 'set logged' }),
    },
    attachPartition: {
      build: attachPartitionActions,
      describe: (c) => ({
        object: 'table', name: qualify(c.table), group: qualify(c.table), action: 'attach partition',
        detail: `to ${qualify(c.parent)} ${c.bound}${c.checks.length ? ` (adding ${c.checks.map((k) => k.name).join(', ')} first)` : ''}`,
      }),
    },
    detachPartition: {
      build: detachPartitionActions,
      describe: (c) => ({ object: 'table', name: qualify(c.table), group: qualify(c.table), action: 'detach partition', detail: `from ${qualify(c.parent)}` }),
    },
  },
  objects: {
    table: relationObject({ keyword: 'TABLE', exists: relationExists, map: (s) => s.tables, deps: liveTableDeps, dropRank: DROP_RANK.table, renamedAsPart: false }),
  },
  compare: { state: (s) => s.tables, object: () => 'table', parts: compareTableParts, countParts: countTableParts },
};
