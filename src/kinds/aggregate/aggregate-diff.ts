import type { AggregateDef } from '../../model/objects.js';
import { functionKey } from '../../model/schema-state.js';
import type { Change } from '../../diff/change.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { differs } from '../../diff/diff-context.js';
import { originField } from '../../diff/make-change.js';
import { pairObjects } from '../../diff/pairing.js';
import { HistoryIndex, nameSpec, pastNames } from '../../diff/past-names.js';
import { drop } from '../drop/drop-change.js';
import { rename } from '../rename/rename-change.js';

/**
 * What CREATE OR REPLACE AGGREGATE cannot change: the kind (ordered-set or not), the arguments
 * (names and modes included) and the result type, which the state type and final function decide:
 * the plan drops and creates the aggregate (which loses its grants).
 */
export const aggregateRecreated = (t: AggregateDef, l: AggregateDef): boolean =>
  t.aggKind !== l.aggKind || t.args !== l.args || t.stype !== l.stype || t.finalfunc !== l.finalfunc;

/** CREATE [OR REPLACE] AGGREGATE: a new one is additive; replacing one changes what queries compute. */
const createAggregate = (aggregate: AggregateDef, replace: boolean, review = replace): Change => ({
  kind: 'createAggregate', aggregate, replace, ...(review ? { concern: 'changes behaviour' as const } : {}), ...originField(aggregate.origin),
});

const ref = (a: AggregateDef) => ({ schema: a.schema, name: a.name });

/**
 * Aggregates: create, rename (through the history's renames), replace in place or drop and
 * create, comment, drop what the history dropped, report the rest as unmanaged.
 */
export function diffAggregates(ctx: DiffContext): void {
  const { out } = ctx;
  const history = new HistoryIndex(ctx.target.history);
  const pairing = pairObjects(
    ctx.target.aggregates,
    ctx.live.aggregates,
    (_k, a) => pastNames(history, nameSpec('aggregate'), ref(a)).map((n) => ({ key: functionKey(n.ref.schema, n.ref.name, a.identityArgs), until: n.until })),
    (_k, a) => ctx.drops.find('aggregate', ref(a)) !== undefined,
  );
  for (const { key, target } of pairing.created) {
    out.add('aggregate', key, createAggregate(target, false));
    ctx.comment('aggregate', ref(target), target.comment, undefined, target.origin, target.identityArgs);
  }
  for (const { key, target, live, renamed } of pairing.pairs) {
    if (renamed) out.add('aggregate', key, rename('aggregate', ref(live), ref(target), target.origin));
    if (aggregateRecreated(target, live)) {
      out.add('aggregate', key, drop('aggregate', ref(target), 'replace', target.origin, target.identityArgs));
      out.add('aggregate', key, createAggregate(target, false, true));
      ctx.comment('aggregate', ref(target), target.comment, undefined, target.origin, target.identityArgs);
      continue;
    }
    if (differs(target, live)) out.add('aggregate', key, createAggregate(target, true));
    ctx.comment('aggregate', ref(target), target.comment, live.comment, target.origin, target.identityArgs);
  }
  ctx.liveOnly('aggregate', pairing, () => 'aggregate', undefined, (a) => a.identityArgs);
}
