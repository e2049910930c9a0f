import type { RuleDef } from '../../model/objects.js';
import { relationKey, ruleKey } from '../../model/schema-state.js';
import type { Change } from '../../diff/change.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { differs } from '../../diff/diff-context.js';
import { originField } from '../../diff/make-change.js';
import { pairObjects, type EarlierKey } from '../../diff/pairing.js';
import { HistoryIndex, nameSpec, pastNames } from '../../diff/past-names.js';
import { rename } from '../rename/rename-change.js';
import { TABLES } from '../table/table-match.js';
import { VIEWS } from '../view/view-match.js';

/**
 * CREATE [OR REPLACE] RULE: a rule rewrites every matching statement on its relation, so a new or
 * changed one on an existing relation changes behaviour; on one the plan creates, nothing used it yet.
 */
const createRule = (rule: RuleDef, replace: boolean, newRelation: boolean): Change => ({
  kind: 'createRule', rule, replace, ...(newRelation ? {} : { concern: 'changes behaviour' as const }), ...originField(rule.origin),
});

const ref = (r: RuleDef) => ({ schema: r.schema, name: r.name, parent: r.table });

/**
 * Rules: create, rename, replace in place (CREATE OR REPLACE RULE changes anything but the
 * relation), comment, drop what the history dropped, report the rest as unmanaged. A live-only
 * rule on a live-only relation goes with it.
 */
export function diffRules(ctx: DiffContext): void {
  const { out } = ctx;
  const history = new HistoryIndex(ctx.target.history);
  const pairing = pairObjects(
    ctx.target.rules,
    ctx.live.rules,
    (_k, r): EarlierKey[] =>
      pastNames(history, nameSpec('rule'), ref(r)).flatMap((n) =>
        n.ref.parent === undefined ? [] : [{ key: ruleKey(n.ref.schema, n.ref.parent, n.ref.name), until: n.until }],
      ),
    (_k, r) => ctx.drops.find('rule', ref(r)) !== undefined,
  );
  const created = new Set([...ctx.matched(TABLES).created, ...ctx.matched(VIEWS).created].map((o) => o.key));
  for (const { key, target } of pairing.created) {
    out.add('rule', key, createRule(target, false, created.has(relationKey(target.schema, target.table))));
    ctx.comment('rule', ref(target), target.comment, undefined, target.origin);
  }
  for (const { key, target, live } of pairing.pairs) {
    if (live.name !== target.name) out.add('rule', key, rename('rule', { ...ref(target), name: live.name }, ref(target), target.origin));
    const to = ctx.names.relation({ schema: live.schema, name: live.table });
    const { enabled: targetFiring, ...definition } = target;
    const { enabled: liveFiring, ...liveDefinition } = live;
    if (differs(definition, { ...liveDefinition, schema: to.schema, table: to.name })) out.add('rule', key, createRule(target, true, false));
    if (targetFiring !== liveFiring) out.add('rule', key, { kind: 'setRuleFiring', rule: target, concern: 'changes behaviour', ...originField(target.origin) });
    ctx.comment('rule', ref(target), target.comment, live.comment, target.origin);
  }
  for (const { key, live } of pairing.liveOnly) ctx.liveOnlyPart('rule', 'rule', key, live);
}
