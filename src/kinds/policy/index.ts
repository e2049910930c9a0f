import { policyKey } from '../../model/schema-state.js';
import { policyExists } from '../../plan/catalog-conditions.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { tablePartObject } from '../object-specs.js';
import { alterPolicyActions, createPolicyActions, policyDeps, setRowSecurityActions } from './policy-actions.js';
import type { PolicyChange } from './policy-change.js';
import { describePolicyChange } from './policy-describe.js';
import { diffPolicies } from './policy-diff.js';

/**
 * Row-level security: the tables' ENABLE / FORCE flags and their policies, named per table
 * (policyKey). Policy drops and renames go through the generic `drop` and `rename` changes.
 */
export const policyKind: KindModule<'policy', PolicyChange, 'policy'> = {
  name: 'policy',
  diff: diffPolicies,
  changes: {
    setRowSecurity: { build: (c, index) => setRowSecurityActions(c, index), describe: describePolicyChange },
    createPolicy: { build: createPolicyActions, describe: describePolicyChange },
    alterPolicy: { build: (c, index) => alterPolicyActions(c, index), describe: describePolicyChange },
  },
  objects: {
    policy: tablePartObject({
      keyword: 'POLICY',
      exists: policyExists,
      find: (live, r) => live.policies.get(policyKey(r.schema, r.parent ?? '', r.name)),
      deps: policyDeps,
      dropRank: DROP_RANK.policy,
    }),
  },
  compare: { state: (s) => s.policies, object: () => 'policy' },
};
