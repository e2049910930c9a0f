import { losesNoRows } from '../../diff/make-change.js';
import { qualify, quoteIdent } from '../../model/names.js';
import type { ConstraintDef } from '../../model/objects.js';
import { relationKey } from '../../model/schema-state.js';
import { statement, type Action, type Built } from '../../plan/action.js';
import { constraintDep, freeDep, isNameDep, objectDep, relationDep } from '../../plan/dependency-keys.js';
import { describe, objectName, subObjectName } from '../../plan/describe.js';
import { constraintDeps, deps } from '../../plan/object-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { DROP_RANK, RANK } from '../../plan/rank.js';
import type { DropChange, DropTarget } from '../kind-module.js';
import { objectSpecs } from '../kind-lookup.js';
import { ALTERS_CATALOG, DROPS_DATA } from '../../plan/statement-effects.js';

type Drop = DropChange;

/** What a drop needs when the live database does not have the object: only its own name and parent. */
function fallbackTarget(c: Drop): DropTarget {
  const spec = objectSpecs()[c.object];
  return {
    deps: deps({ provides: [objectDep(c.object, c.ref, c.args)], requires: [...spec.dropRequires(c.ref)] }),
    dropRank: spec.dropRank,
    ...(c.args !== undefined ? { args: c.args } : {}),
  };
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
      statements: [statement(`ALTER TABLE IF EXISTS ${qualify(t)} DROP CONSTRAINT IF EXISTS ${quoteIdent(con.name)}`, `drop constraint ${name}`, ALTERS_CATALOG)],
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
  const spec = objectSpecs()[c.object];
  const target = spec.dropTarget(c, ctx.live, ctx.liveRef(c.object, c.ref)) ?? fallbackTarget(c);
  const sql = spec.dropSql(c, target);
  if (sql === undefined) return { unplannable: 'PostgreSQL cannot drop an enum label' };
  const base = c.reason === 'replace' || losesNoRows(c.object) ? RANK.replaceDrop : RANK.historyDrop;
  return [
    ...crossForeignKeyDrops(c, index, base, ctx),
    {
      change: index,
      rank: base + target.dropRank,
      name: objectName(c),
      statements: [statement(sql, describe(c), c.object === 'table' || c.object === 'column' ? DROPS_DATA : ALTERS_CATALOG)],
      // Frees its name as the diff spells it (after renames) and every live name it held.
      deps: deps({ provides: [...new Set([objectDep(c.object, c.ref, c.args), ...target.deps.provides.filter(isNameDep)])].map(freeDep) }),
      live: target.deps,
    },
  ];
}
