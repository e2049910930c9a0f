import { qualify } from '../../model/names.js';
import type { TableDef } from '../../model/objects.js';
import { relationExists } from '../../plan/catalog-conditions.js';
import type { Deps } from '../../plan/object-deps.js';
import { tableDeps } from './table-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { ownNames, relationObject } from '../object-specs.js';
import { crossForeignKeyDrops } from './table-drops.js';
import { noteIdentity } from '../column/column-facts.js';
import { tableDiagram } from './table-diagram.js';
import { attachPartitionActions, createTableActions, detachPartitionActions, setLoggedActions, setTableOptionsActions } from './table-actions.js';
import type { TableChange } from './table-change.js';
import { compareTableParts, countTableParts } from './table-compare.js';
import { diffTables } from './table-diff.js';
import { relationMention } from '../../plan/object-deps.js';
import { matchTables } from './table-match.js';

/** A dropped table's live dependencies, leaving out its foreign keys (dropped separately when they would block). */
function liveTableDeps(t: TableDef): Deps {
  return tableDeps(t, t.constraints.filter((c) => c.type !== 'foreign key'));
}

/** Tables (and partitions); their columns and constraints are diffed with them but are kinds of their own. */
export const tableKind: KindModule<'table', TableChange, 'table'> = {
  name: 'table',
  match: matchTables,
  diff: diffTables,
  changes: {
    createTable: {
      build: createTableActions,
      diagram: (c, marks) => marks.touch(c.table, 'new'),
      scan: (c, facts) => c.table.columns.forEach((col) => noteIdentity(facts, c.table, col)),
      describe: (c) => ({ object: 'table', name: qualify(c.table), group: qualify(c.table), action: 'create', detail: `${c.table.columns.length} columns` }),
    },
    setTableOptions: {
      build: setTableOptionsActions,
      diagram: (c, marks) => marks.touch(c.table),
      describe: (c) => ({ object: 'table', name: qualify(c.table), group: qualify(c.table), action: 'set storage options of', detail: c.options.join(', ') || '(none)' }),
    },
    setLogged: {
      build: setLoggedActions,
      diagram: (c, marks) => marks.touch(c.table),
      describe: (c) => ({ object: 'table', name: qualify(c.table), group: qualify(c.table), action: c.unlogged ? 'set unlogged' : 'set logged' }),
    },
    attachPartition: {
      build: attachPartitionActions,
      diagram: (c, marks) => {
        marks.touch(c.table);
        marks.touch(c.parent);
      },
      describe: (c) => ({
        object: 'table', name: qualify(c.table), group: qualify(c.table), action: 'attach partition',
        detail: `to ${qualify(c.parent)} ${c.bound}${c.checks.length ? ` (adding ${c.checks.map((k) => k.name).join(', ')} first)` : ''}`,
      }),
    },
    detachPartition: {
      build: detachPartitionActions,
      diagram: (c, marks) => {
        marks.touch(c.table);
        marks.touch(c.parent);
      },
      describe: (c) => ({ object: 'table', name: qualify(c.table), group: qualify(c.table), action: 'detach partition', detail: `from ${qualify(c.parent)}` }),
    },
  },
  objects: {
    table: {
      ...relationObject({ keyword: 'TABLE', exists: relationExists, map: (s) => s.tables, deps: liveTableDeps, dropRank: DROP_RANK.table, renamedAsPart: false, names: ownNames('table') }),
    dropLosesData: true,
    dropFirst: crossForeignKeyDrops,
    diagram: tableDiagram,
    },
  },
  compare: { state: (s) => s.tables, object: () => 'table', parts: compareTableParts, countParts: countTableParts },
  inPlace: (t) => [...t.tables.values()].map((x) => ({ label: 'table', name: qualify(x) })),
  mentionables: (s) => [...s.tables.values()].map(relationMention),
};
