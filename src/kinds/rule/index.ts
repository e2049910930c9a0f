import { qualify, quoteIdent } from '../../model/names.js';
import { ruleKey } from '../../model/schema-state.js';
import { ruleDep, ruleDeps } from './rule-deps.js';
import type { KindModule } from '../kind-module.js';
import { tablePartObject } from '../object-specs.js';
import { RULE_RANK, createRuleActions, ruleExists, setRuleFiringActions } from './rule-actions.js';
import type { RuleChange } from './rule-change.js';
import { diffRules } from './rule-diff.js';

/** Rewrite rules (pg_rewrite, views' `_RETURN` rules left out), named per relation (ruleKey). */
export const ruleKind: KindModule<'rule', RuleChange, 'rule'> = {
  name: 'rule',
  diff: diffRules,
  changes: {
    createRule: {
      build: createRuleActions,
      describe: (c) => {
        const table = qualify({ schema: c.rule.schema, name: c.rule.table });
        return { object: 'rule', name: `${table}.${quoteIdent(c.rule.name)}`, group: table, action: c.replace ? 'replace' : 'create', detail: `on ${c.rule.event} do ${c.rule.instead ? 'instead' : 'also'}` };
      },
    },
    setRuleFiring: {
      build: setRuleFiringActions,
      describe: (c) => {
        const table = qualify({ schema: c.rule.schema, name: c.rule.table });
        return { object: 'rule', name: `${table}.${quoteIdent(c.rule.name)}`, group: table, action: 'alter', detail: c.rule.enabled ?? 'enabled' };
      },
    },
  },
  objects: {
    rule: tablePartObject({
      kind: 'rule',
      dep: ruleDep,
      droppedWithParent: false,
      parentKinds: ['table', 'view', 'materialized view'],
      keyword: 'RULE',
      exists: ruleExists,
      find: (live, r) => live.rules.get(ruleKey(r.schema, r.parent ?? '', r.name)),
      deps: ruleDeps,
      dropRank: RULE_RANK.drop,
    }),
  },
  compare: { state: (s) => s.rules, object: () => 'rule' },
};
