import type { Change } from '../diff/change.js';
import { losesNoRows } from '../diff/make-change.js';
import type { HistoryRef } from '../model/history.js';
import { qualify, quoteIdent } from '../model/names.js';
import type { ConstraintDef, ObjectKind, TableDef } from '../model/objects.js';
import { functionKey, relationKey, triggerKey, type SchemaState } from '../model/schema-state.js';
import { statement, type Action, type Built } from './action.js';
import { constraintDep, freeDep, isNameDep, objectDep, relationDep, schemaDep, type DepKey } from './dependency-keys.js';
import { describe, objectName, subObjectName } from './describe.js';
import {
  columnDeps, constraintDeps, deps, enumDeps, extensionDeps, functionDeps, indexDeps, schemaDeps, sequenceDeps, tableDeps, triggerDeps,
  viewDeps, type Deps,
} from './object-deps.js';
import type { PlanContext } from './plan-context.js';
import { DROP_RANK, RANK } from './rank.js';

type Drop = Extract<Change, { kind: 'drop' }>;

/** The live object a drop removes, found by its reference. */
interface LiveTarget {
  readonly deps: Deps;
  readonly dropRank: number;
  /** For functions: whether it is a procedure, and its identity arguments when known. */
  readonly procedure?: boolean;
  readonly args?: string;
}

function tableOf(live: SchemaState, ref: HistoryRef): TableDef | undefined {
  return ref.parent !== undefined ? live.tables.get(relationKey(ref.schema, ref.parent)) : undefined;
}

/** A dropped table's live dependencies, leaving out its foreign keys (dropped separately when they would block). */
function liveTableDeps(t: TableDef): Deps {
  return tableDeps(t, t.constraints.filter((c) => c.type !== 'foreign key'));
}

function liveTarget(c: Drop, live: SchemaState, r: HistoryRef): LiveTarget | undefined {
  switch (c.object) {
    case 'schema': {
      const s = live.schemas.get(r.name);
      return s && { deps: schemaDeps(s), dropRank: DROP_RANK.schema };
    }
    case 'extension': {
      const e = live.extensions.get(r.name);
      return e && { deps: extensionDeps(e), dropRank: DROP_RANK.extension };
    }
    case 'table': {
      const t = live.tables.get(relationKey(r.schema, r.name));
      return t && { deps: liveTableDeps(t), dropRank: DROP_RANK.table };
    }
    case 'column': {
      const t = tableOf(live, r);
      const col = t?.columns.find((x) => x.name === r.name);
      return t && col && { deps: columnDeps(t, col), dropRank: DROP_RANK.column };
    }
    case 'constraint': {
      const t = tableOf(live, r);
      const con = t?.constraints.find((x) => x.name === r.name);
      return t && con && { deps: constraintDeps(t, con), dropRank: con.type === 'foreign key' ? DROP_RANK.foreignKey : DROP_RANK.constraint };
    }
    case 'index': {
      const i = live.indexes.get(relationKey(r.schema, r.name));
      return i && { deps: indexDeps(i), dropRank: DROP_RANK.index };
    }
    case 'enum': {
      const e = live.enums.get(relationKey(r.schema, r.name));
      return e && { deps: enumDeps(e), dropRank: DROP_RANK.enum };
    }
    case 'sequence': {
      const s = live.sequences.get(relationKey(r.schema, r.name));
      return s && { deps: sequenceDeps(s), dropRank: DROP_RANK.sequence };
    }
    case 'view':
    case 'materialized view': {
      const v = live.views.get(relationKey(r.schema, r.name));
      return v && { deps: viewDeps(v), dropRank: DROP_RANK.view };
    }
    case 'function': {
      const f =
        c.args !== undefined
          ? live.functions.get(functionKey(r.schema, r.name, c.args))
          : onlyOne([...live.functions.values()].filter((x) => x.schema === r.schema && x.name === r.name));
      return f && { deps: functionDeps(f), dropRank: DROP_RANK.function, procedure: f.kind === 'procedure', args: f.identityArgs };
    }
    case 'trigger': {
      const t = live.triggers.get(triggerKey(r.schema, r.parent ?? '', r.name));
      return t && { deps: triggerDeps(t), dropRank: DROP_RANK.trigger };
    }
    case 'enum value':
      return undefined;
  }
}

function onlyOne<T>(xs: readonly T[]): T | undefined {
  return xs.length === 1 ? xs[0] : undefined;
}

/** What a drop needs when the live database does not have the object: only its own name and parent. */
function fallbackTarget(c: Drop): LiveTarget {
  const r = c.ref;
  const requires: DepKey[] = [];
  if (c.object !== 'schema' && c.object !== 'extension') requires.push(schemaDep(r.schema));
  if (r.parent !== undefined && c.object !== 'enum value') requires.push(relationDep({ schema: r.schema, name: r.parent }));
  const rank: Record<Exclude<ObjectKind, 'enum value'>, number> = {
    schema: DROP_RANK.schema, extension: DROP_RANK.extension, table: DROP_RANK.table, column: DROP_RANK.column,
    constraint: DROP_RANK.constraint, index: DROP_RANK.index, enum: DROP_RANK.enum, sequence: DROP_RANK.sequence,
    view: DROP_RANK.view, 'materialized view': DROP_RANK.view, function: DROP_RANK.function, trigger: DROP_RANK.trigger,
  };
  return {
    deps: deps({ provides: [objectDep(c.object, r, c.args)], requires }),
    dropRank: c.object === 'enum value' ? 0 : rank[c.object],
    ...(c.args !== undefined ? { args: c.args } : {}),
  };
}

function dropSql(c: Drop, target: LiveTarget): string | undefined {
  const r = c.ref;
  const parent = qualify({ schema: r.schema, name: r.parent ?? '' });
  switch (c.object) {
    case 'schema': return `DROP SCHEMA IF EXISTS ${quoteIdent(r.name)}`;
    case 'extension': return `DROP EXTENSION IF EXISTS ${quoteIdent(r.name)}`;
    case 'table': return `DROP TABLE IF EXISTS ${qualify(r)}`;
    case 'column': return `ALTER TABLE IF EXISTS ${parent} DROP COLUMN IF EXISTS ${quoteIdent(r.name)}`;
    case 'constraint': return `ALTER TABLE IF EXISTS ${parent} DROP CONSTRAINT IF EXISTS ${quoteIdent(r.name)}`;
    case 'index': return `DROP INDEX IF EXISTS ${qualify(r)}`;
    case 'enum': return `DROP TYPE IF EXISTS ${qualify(r)}`;
    case 'sequence': return `DROP SEQUENCE IF EXISTS ${qualify(r)}`;
    case 'view': return `DROP VIEW IF EXISTS ${qualify(r)}`;
    case 'materialized view': return `DROP MATERIALIZED VIEW IF EXISTS ${qualify(r)}`;
    case 'function': {
      const args = c.args ?? target.args;
      return `DROP ${target.procedure ? 'PROCEDURE' : 'FUNCTION'} IF EXISTS ${qualify(r)}${args !== undefined ? `(${args})` : ''}`;
    }
    case 'trigger': return `DROP TRIGGER IF EXISTS ${quoteIdent(r.name)} ON ${parent}`;
    case 'enum value': return undefined;
  }
}

/** Drop actions for a dropped table's foreign keys to other dropped tables, so tables referencing each other can go. */
function crossForeignKeyDrops(c: Drop, index: number, base: number, ctx: PlanContext): Action[] {
  if (c.object !== 'table') return [];
  const ref = ctx.liveRef(c.object, c.ref);
  const t = ctx.live.tables.get(relationKey(ref.schema, ref.name));
  if (!t) return [];
  const blocking = (con: ConstraintDef): boolean =>
    con.type === 'foreign key' &&
    relationKey(con.references.table.schema, con.references.table.name) !== relationKey(t.schema, t.name) &&
    ctx.droppedTables.has(relationDep(con.references.table)) &&
    !ctx.droppedConstraints.has(constraintDep(t, con.name));
  return t.constraints.filter(blocking).map((con) => {
    const name = subObjectName(t, con.name);
    const live = constraintDeps(t, con);
    return {
      change: index,
      rank: base + DROP_RANK.foreignKey,
      name,
      statements: [statement(`ALTER TABLE IF EXISTS ${qualify(t)} DROP CONSTRAINT IF EXISTS ${quoteIdent(con.name)}`, `drop constraint ${name}`)],
      deps: deps({ provides: live.provides.filter(isNameDep).map(freeDep) }),
      live,
    };
  });
}

/**
 * `DROP .. IF EXISTS` (never CASCADE: a dependent the diff did not list makes it fail loudly).
 * Replacement drops, and history drops of constraints and indexes, rank right after renames:
 * they only make room (a table has one primary key, so the old one must go before the history's
 * new one is added). Other history drops run last. Among drops, dependents go first (the live
 * objects' dependencies, reversed). Enum labels cannot be dropped in PostgreSQL.
 */
export function dropActions(c: Drop, index: number, ctx: PlanContext): Built {
  const target = liveTarget(c, ctx.live, ctx.liveRef(c.object, c.ref)) ?? fallbackTarget(c);
  const sql = dropSql(c, target);
  if (sql === undefined) return { unplannable: 'PostgreSQL cannot drop an enum label' };
  const base = c.reason === 'replace' || losesNoRows(c.object) ? RANK.replaceDrop : RANK.historyDrop;
  return [
    ...crossForeignKeyDrops(c, index, base, ctx),
    {
      change: index,
      rank: base + target.dropRank,
      name: objectName(c),
      statements: [statement(sql, describe(c))],
      // Frees its name as the diff spells it (after renames) and every live name it held.
      deps: deps({ provides: [...new Set([objectDep(c.object, c.ref, c.args), ...target.deps.provides.filter(isNameDep)])].map(freeDep) }),
      live: target.deps,
    },
  ];
}
