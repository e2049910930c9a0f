import { qualify, quoteIdent } from '../../model/names.js';
import type { ConstraintDef } from '../../model/objects.js';
import { relationKey } from '../../model/schema-state.js';
import { statement, type Action } from '../../plan/action.js';
import { freeDep, isNameDep } from '../../plan/dependency-keys.js';
import { subObjectName } from '../../plan/describe.js';
import { deps } from '../../plan/object-deps.js';
import { objectFactKey, type PlanContext } from '../../plan/plan-context.js';
import { DROP_RANK } from '../../plan/rank.js';
import { ALTERS_CATALOG } from '../../plan/statement-effects.js';
import { constraintDeps } from '../constraint/constraint-deps.js';
import { DROPPED } from '../drop/drop-actions.js';
import type { DropChange } from '../kind-module.js';

/** Drop actions for a dropped table's foreign keys to other dropped tables, so tables referencing each other can go. */
export function crossForeignKeyDrops(c: DropChange, index: number, base: number, ctx: PlanContext): Action[] {
  const ref = ctx.liveRef(c.object, c.ref);
  const t = ctx.live.tables.get(relationKey(ref.schema, ref.name));
  if (!t) return [];
  const dropped = ctx.fact(DROPPED);
  const blocking = (con: ConstraintDef): boolean =>
    con.type === 'foreign key' &&
    relationKey(con.references.table.schema, con.references.table.name) !== relationKey(t.schema, t.name) &&
    dropped.has(objectFactKey('table', con.references.table)) &&
    !dropped.has(objectFactKey('constraint', { schema: t.schema, parent: t.name, name: con.name }));
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
