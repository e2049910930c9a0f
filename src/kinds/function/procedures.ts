import type { QualifiedName } from '../../model/names.js';
import type { FunctionDef } from '../../model/objects.js';
import { functionKey, relationKey, type SchemaState } from '../../model/schema-state.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { fact, type PlanFacts } from '../../plan/plan-facts.js';

/** Procedures (functionKey), created by the plan or live: COMMENT ON and DROP spell them PROCEDURE. */
const PROCEDURES = fact('procedures');

/** Records a function if it is a procedure. */
export function noteProcedure(facts: PlanFacts, f: FunctionDef): void {
  if (f.kind === 'procedure') facts.add(PROCEDURES, functionKey(f.schema, f.name, f.identityArgs));
}

/** Records the live database's procedures. */
export function noteLiveProcedures(live: SchemaState, facts: PlanFacts): void {
  for (const f of live.functions.values()) noteProcedure(facts, f);
}

/** Whether the function is a procedure, per the diff's creations or the live database (any overload without `identityArgs`). */
export function isProcedure(ctx: PlanContext, fn: QualifiedName, identityArgs?: string): boolean {
  const procedures = ctx.fact(PROCEDURES);
  // Under its target name or, renamed by this plan, its live one.
  return [fn, ctx.liveRef('function', fn)].some((f) => {
    if (identityArgs !== undefined) return procedures.has(functionKey(f.schema, f.name, identityArgs));
    const prefix = `${relationKey(f.schema, f.name)}(`;
    return [...procedures.keys()].some((k) => k.startsWith(prefix));
  });
}
