import type { Change } from '../diff/change.js';
import type { HistoryRef } from '../model/history.js';
import { qualify, quoteIdent, quoteLiteral, type QualifiedName } from '../model/names.js';
import type { ObjectKind } from '../model/objects.js';
import type { SchemaState } from '../model/schema-state.js';
import { statement, type Built } from './action.js';
import {
  columnExists, constraintExists, enumValueExists, relationExists, routineExists, schemaExists, triggerExists, typeExists,
} from './catalog-conditions.js';
import { freeDep, objectDep, schemaDep } from './dependency-keys.js';
import { describe, objectName } from './describe.js';
import { guardedSql } from './guarded-sql.js';
import { deps } from './object-deps.js';
import { RANK } from './rank.js';

const RELATION_KEYWORD: Partial<Record<ObjectKind, string>> = {
  table: 'TABLE',
  view: 'VIEW',
  'materialized view': 'MATERIALIZED VIEW',
  sequence: 'SEQUENCE',
  index: 'INDEX',
  enum: 'TYPE',
};

/** Objects inside a table or type, or following a table's SET SCHEMA: renamed after tables and types. */
const PARTS: ReadonlySet<ObjectKind> = new Set(['column', 'constraint', 'trigger', 'index', 'sequence', 'enum value']);

interface RenameSql {
  /** Holds when the old name exists and the new one does not. */
  readonly condition: string;
  readonly statements: readonly string[];
}

/** Moves (SET SCHEMA, which keeps the name) and then renames a schema-level object. */
function moveAndRename(keyword: string, from: QualifiedName, to: QualifiedName, subject: string): string[] {
  const out: string[] = [];
  if (from.schema !== to.schema) out.push(`ALTER ${keyword} ${subject} SET SCHEMA ${quoteIdent(to.schema)}`);
  const moved = from.schema !== to.schema ? qualify({ schema: to.schema, name: from.name }) : subject;
  if (from.name !== to.name) out.push(`ALTER ${keyword} ${moved} RENAME TO ${quoteIdent(to.name)}`);
  return out;
}

function parentOf(ref: HistoryRef): QualifiedName {
  return { schema: ref.schema, name: ref.parent ?? '' };
}

/** The overload a function rename means, from the live database: with its arguments when there is exactly one. */
function routineSubject(live: SchemaState, from: QualifiedName): string {
  const overloads = [...live.functions.values()].filter((f) => f.schema === from.schema && f.name === from.name);
  return overloads.length === 1 ? `${qualify(from)}(${overloads[0]!.identityArgs})` : qualify(from);
}

function renameSql(object: ObjectKind, from: HistoryRef, to: HistoryRef, live: SchemaState): RenameSql | string {
  const keyword = RELATION_KEYWORD[object];
  if (keyword !== undefined) {
    if (object === 'index' && from.schema !== to.schema) return 'an index cannot change schema apart from its table';
    const exists = object === 'enum' ? typeExists : relationExists;
    return { condition: `${exists(from)} AND NOT ${exists(to)}`, statements: moveAndRename(keyword, from, to, qualify(from)) };
  }
  switch (object) {
    case 'schema':
      return { condition: `${schemaExists(from.name)} AND NOT ${schemaExists(to.name)}`, statements: [`ALTER SCHEMA ${quoteIdent(from.name)} RENAME TO ${quoteIdent(to.name)}`] };
    case 'column': {
      const t = parentOf(from);
      return {
        condition: `${columnExists(t, from.name)} AND NOT ${columnExists(t, to.name)}`,
        statements: [`ALTER TABLE ${qualify(t)} RENAME COLUMN ${quoteIdent(from.name)} TO ${quoteIdent(to.name)}`],
      };
    }
    case 'constraint': {
      const t = parentOf(from);
      return {
        condition: `${constraintExists(t, from.name)} AND NOT ${constraintExists(t, to.name)}`,
        statements: [`ALTER TABLE ${qualify(t)} RENAME CONSTRAINT ${quoteIdent(from.name)} TO ${quoteIdent(to.name)}`],
      };
    }
    case 'trigger': {
      const t = parentOf(from);
      return {
        condition: `${triggerExists(t, from.name)} AND NOT ${triggerExists(t, to.name)}`,
        statements: [`ALTER TRIGGER ${quoteIdent(from.name)} ON ${qualify(t)} RENAME TO ${quoteIdent(to.name)}`],
      };
    }
    case 'enum value': {
      const e = parentOf(from);
      return {
        condition: `${enumValueExists(e, from.name)} AND NOT ${enumValueExists(e, to.name)}`,
        statements: [`ALTER TYPE ${qualify(e)} RENAME VALUE ${quoteLiteral(from.name)} TO ${quoteLiteral(to.name)}`],
      };
    }
    case 'function':
      return {
        condition: `${routineExists(from)} AND NOT ${routineExists(to)}`,
        statements: moveAndRename('ROUTINE', from, to, routineSubject(live, from)),
      };
    case 'extension':
      return 'PostgreSQL cannot rename an extension';
    default:
      return `cannot rename a ${object}`;
  }
}

/**
 * A rename (or move to another schema) the history made and the live database lacks, named as
 * the diff names everything: after its renames (a column by its table's new name). Guarded
 * to run only while the old name exists and the new one does not, so a re-run does nothing.
 * Functions are renamed with ALTER ROUTINE (PostgreSQL 11+), covering procedures too.
 */
export function renameActions(c: Extract<Change, { kind: 'rename' }>, index: number, live: SchemaState): Built {
  const sql = renameSql(c.object, c.from, c.to, live);
  if (typeof sql === 'string') return { unplannable: sql };
  const to = objectDep(c.object, c.to);
  const mentionable = RELATION_KEYWORD[c.object] !== undefined || c.object === 'function';
  return [
    {
      change: index,
      rank: PARTS.has(c.object) ? RANK.renamePart : RANK.rename,
      name: objectName(c),
      statements: [statement(guardedSql(sql.condition, sql.statements), describe(c))],
      deps: deps({
        provides: [to, freeDep(objectDep(c.object, c.from))],
        mentionables: mentionable ? [{ key: to, ref: { schema: c.to.schema, name: c.to.name } }] : [],
        requires: c.from.schema !== c.to.schema ? [schemaDep(c.to.schema)] : [],
      }),
    },
  ];
}
