import type { PolicyDef } from '../../model/objects.js';
import { policyKey } from '../../model/schema-state.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { tablePartObject } from '../object-specs.js';
import { alterPolicyActions, createPolicyActions, policyDep, policyDeps, policyExists, setRowSecurityActions } from './policy-actions.js';
import type { PolicyChange, PolicyConcern, PolicyHazard } from './policy-change.js';
import { describePolicyChange } from './policy-describe.js';
import { diffPolicies } from './policy-diff.js';
import { matchPolicies } from './policy-match.js';

/** The table a policy is on. */
const policyTable = (p: PolicyDef) => ({ schema: p.schema, name: p.table });

/**
 * Row-level security: the tables' ENABLE / FORCE flags and their policies, named per table
 * (policyKey). Policy drops and renames go through the generic `drop` and `rename` changes.
 */
export const policyKind: KindModule<'policy', PolicyChange, 'policy', PolicyHazard, PolicyConcern> = {
  name: 'policy',
  match: matchPolicies,
  diff: diffPolicies,
  changes: {
    setRowSecurity: { build: (c, index) => setRowSecurityActions(c, index), describe: describePolicyChange, diagram: (c, marks) => marks.touch(c.table) },
    createPolicy: { build: createPolicyActions, describe: describePolicyChange, diagram: (c, marks) => marks.touch(policyTable(c.policy)) },
    alterPolicy: { build: (c, index) => alterPolicyActions(c, index), describe: describePolicyChange, diagram: (c, marks) => marks.touch(policyTable(c.policy)) },
  },
  objects: {
    policy: tablePartObject({
      kind: 'policy',
      dep: policyDep,
      droppedWithParent: false,
      keyword: 'POLICY',
      exists: policyExists,
      find: (live, r) => live.policies.get(policyKey(r.schema, r.parent ?? '', r.name)),
      deps: policyDeps,
      // Before views and constraints, after triggers (a policy's expressions may use what they drop).
      dropRank: DROP_RANK.trigger + 5,
    }),
  },
  compare: { state: (s) => s.policies, object: () => 'policy' },
  hazards: ['weakens row-level security', 'changes which rows roles see'],
  concerns: {
    'weakens row-level security': { safety: 'review', hazard: 'weakens row-level security' },
    'changes which rows roles see': { safety: 'review', hazard: 'changes which rows roles see' },
    'opens every row': { safety: 'destructive', hazard: 'weakens row-level security' },
  },
};
