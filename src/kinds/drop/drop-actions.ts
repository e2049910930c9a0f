import { statement, type Built } from '../../plan/action.js';
import { freeDep, isNameDep, objectDep } from '../../plan/dependency-keys.js';
import { describe, objectName } from '../../plan/describe.js';
import { deps } from '../../plan/object-deps.js';
import { objectFactKey, type PlanContext } from '../../plan/plan-context.js';
import { fact, type PlanFacts } from '../../plan/plan-facts.js';
import { RANK } from '../../plan/rank.js';
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

/** Objects a `drop` change drops (objectFactKey, without overload arguments). */
export const DROPPED = fact('dropped objects');

/** Records the object a drop change drops. */
export function noteDrop(c: Drop, facts: PlanFacts): void {
  facts.add(DROPPED, objectFactKey(c.object, c.ref));
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
  const base = c.reason === 'replace' || spec.dropKeepsRows ? RANK.replaceDrop : RANK.historyDrop;
  return [
    ...(spec.dropFirst?.(c, index, base, ctx) ?? []),
    {
      change: index,
      rank: base + target.dropRank,
      name: objectName(c),
      statements: [statement(sql, describe(c), spec.dropLosesData ? DROPS_DATA : ALTERS_CATALOG)],
      // Frees its name as the diff spells it (after renames) and every live name it held.
      deps: deps({ provides: [...new Set([objectDep(c.object, c.ref, c.args), ...target.deps.provides.filter(isNameDep)])].map(freeDep) }),
      live: target.deps,
    },
  ];
}
