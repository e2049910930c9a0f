import { qualify, quoteIdent, type QualifiedName } from '../../model/names.js';
import { relationKey, type SchemaState } from '../../model/schema-state.js';
import type { ColumnChange } from './column-change.js';
import { columnExists } from '../../plan/catalog-conditions.js';
import { columnDeps } from './column-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { liveTableOf, parentOf, partDep, partNames, qualifiedName, schemaAndParent } from '../object-specs.js';
import { columnDep } from '../../plan/dependency-keys.js';
import { columnDiagram } from './column-diagram.js';
import { noteIdentity } from './column-facts.js';
import {
  addColumnActions, alterColumnTypeActions, alterIdentityActions, setDefaultActions, setGeneratedActions, setNotNullActions,
} from './column-actions.js';
import { matchColumns } from './column-match.js';

/**
 * The ALTER keyword for a column's relation as the live database has it: a view's columns are
 * renamed with ALTER [MATERIALIZED] VIEW (PostgreSQL accepts any of the keywords for RENAME
 * COLUMN, so a relation renamed in the same plan, not yet live under this name, gets TABLE).
 */
function relationKeyword(live: SchemaState, t: QualifiedName): string {
  const v = live.views.get(relationKey(t.schema, t.name));
  return v ? (v.materialized ? 'MATERIALIZED VIEW' : 'VIEW') : 'TABLE';
}

const name = (c: { table: { schema: string; name: string } }, column: string): string => `${qualify(c.table)}.${quoteIdent(column)}`;

/** Table columns: diffed with their table (table-diff.ts calls diffColumns). */
export const columnKind: KindModule<'column', ColumnChange, 'column'> = {
  name: 'column',
  match: matchColumns,
  changes: {
    addColumn: {
      build: addColumnActions,
      diagram: (c, marks) => marks.note(c.table, c.column.name, 'added'),
      scan: (c, facts) => noteIdentity(facts, c.table, c.column),
      describe: (c) => ({ object: 'column', name: name(c, c.column.name), group: qualify(c.table), action: 'add', detail: c.column.type }),
    },
    alterColumnType: {
      build: alterColumnTypeActions,
      diagram: (c, marks) => marks.note(c.table, c.column.name, `type was ${c.from}`),
      describe: (c) => ({ object: 'column', name: name(c, c.column.name), group: qualify(c.table), action: 'change type of', detail: `${c.from} -> ${c.column.type}` }),
    },
    setDefault: {
      build: setDefaultActions,
      diagram: (c, marks) => marks.note(c.table, c.column, 'default changed'),
      describe: (c) => ({
        object: 'column', name: name(c, c.column), group: qualify(c.table),
        action: c.to === undefined ? 'drop default of' : 'set default of', detail: `${c.from ?? '(none)'} -> ${c.to ?? '(none)'}`,
      }),
    },
    setNotNull: {
      build: setNotNullActions,
      diagram: (c, marks) => marks.note(c.table, c.column, c.notNull ? 'now NOT NULL' : 'now nullable'),
      describe: (c) => ({ object: 'column', name: name(c, c.column), group: qualify(c.table), action: c.notNull ? 'set not null on' : 'drop not null on' }),
    },
    alterIdentity: {
      build: alterIdentityActions,
      diagram: (c, marks) => marks.note(c.table, c.column.name, 'identity changed'),
      scan: (c, facts) => {
        if (!c.live.identity) noteIdentity(facts, c.table, c.column);
      },
      describe: (c) => ({ object: 'column', name: name(c, c.column.name), group: qualify(c.table), action: 'change identity of' }),
    },
    setGenerated: {
      build: setGeneratedActions,
      diagram: (c, marks) => marks.note(c.table, c.column.name, 'generation changed'),
      describe: (c) => ({ object: 'column', name: name(c, c.column.name), group: qualify(c.table), action: 'rebuild generated column' }),
    },
  },
  objects: {
    column: {
      displayName: qualifiedName,
      dropRank: DROP_RANK.column,
      dropTarget: (_c, live, r) => {
        const t = liveTableOf(live, r);
        const col = t?.columns.find((x) => x.name === r.name);
        return t && col && { deps: columnDeps(t, col), dropRank: DROP_RANK.column };
      },
      dropSql: (c) => `ALTER TABLE IF EXISTS ${qualify(parentOf(c.ref))} DROP COLUMN IF EXISTS ${quoteIdent(c.ref.name)}`,
      renameSql: (from, to, live) => {
        const t = parentOf(from);
        return {
          condition: `${columnExists(t, from.name)} AND NOT ${columnExists(t, to.name)}`,
          statements: [`ALTER ${relationKeyword(live, t)} ${qualify(t)} RENAME COLUMN ${quoteIdent(from.name)} TO ${quoteIdent(to.name)}`],
        };
      },
      renamedAsPart: true,
      mentionable: false,
      dropRequires: schemaAndParent,
      names: partNames('column', 'table'),
      dep: partDep(columnDep),
      parent: 'table',
      droppedWithParent: true,
      dropLosesData: true,
      diagram: columnDiagram,
    },
  },
};
