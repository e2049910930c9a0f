import { slot, type DiffContext } from '../../diff/diff-context.js';
import { earlierKeys } from '../../diff/match-states.js';
import { pairObjects, type Pairing } from '../../diff/pairing.js';
import { nameSpec, pastNames } from '../../diff/past-names.js';
import type { DropEvent } from '../../model/history.js';
import type { FunctionDef, QualifiedName } from '../../model/objects.js';
import { functionKey } from '../../model/schema-state.js';

/** Functions paired target-to-live (by name and argument types) through the history's renames. */
export const FUNCTIONS = slot<Pairing<FunctionDef>>('functions');

/** Pairs functions and records their renames (triggers hold their OID). */
export function matchFunctions(ctx: DiffContext): void {
  const functions = pairObjects(
    ctx.target.functions,
    ctx.live.functions,
    (_k, f) =>
      earlierKeys(pastNames(ctx.history, nameSpec('function'), { schema: f.schema, name: f.name }), (n) => functionKey(n.ref.schema, n.ref.name, f.identityArgs)),
    (_k, f) => ctx.drops.find('function', { schema: f.schema, name: f.name }) !== undefined,
  );
  for (const p of functions.pairs) if (p.renamed) ctx.names.renameRoutine(p.live, p.target);
  ctx.setMatched(FUNCTIONS, functions);
}

/** The history drop of a live-only function (any overload of the name), if it is one. */
export function functionDrop(ctx: DiffContext, fn: QualifiedName): DropEvent | undefined {
  for (const o of ctx.matched(FUNCTIONS).liveOnly) {
    if (o.live.schema !== fn.schema || o.live.name !== fn.name) continue;
    const ev = ctx.pendingDrop('function', { schema: fn.schema, name: fn.name });
    if (ev) return ev;
  }
  return undefined;
}
