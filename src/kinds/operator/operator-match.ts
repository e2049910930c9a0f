import { slot, type DiffContext } from '../../diff/diff-context.js';
import { earlierKeys } from '../../diff/match-states.js';
import { pairObjects, type Pairing } from '../../diff/pairing.js';
import { nameSpec, pastNames } from '../../diff/past-names.js';
import type { OperatorDef } from '../../model/objects.js';
import { operatorArgs, operatorKey } from '../../model/schema-state.js';

/** Operators paired target-to-live by key, through the history's moves (ALTER OPERATOR .. SET SCHEMA; there is no RENAME). */
export const OPERATORS = slot<Pairing<OperatorDef>>('operators');

/** Pairs operators. */
export function matchOperators(ctx: DiffContext): void {
  ctx.setMatched(
    OPERATORS,
    pairObjects(ctx.target.operators, ctx.live.operators, (_k, o) =>
      earlierKeys(pastNames(ctx.history, nameSpec('operator'), { schema: o.schema, name: o.name }), (n) => operatorKey(n.ref.schema, n.ref.name, operatorArgs(o.left, o.right))),
    ),
  );
}
