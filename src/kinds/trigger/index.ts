import { qualify, quoteIdent } from '../../model/names.js';
import { triggerKey } from '../../model/schema-state.js';
import { triggerDeps } from './trigger-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { tablePartObject } from '../object-specs.js';
import { triggerDep } from '../../plan/dependency-keys.js';
import { createTriggerActions, setTriggerFiringActions, triggerExists } from './trigger-actions.js';
import type { TriggerChange } from './trigger-change.js';
import { diffTriggers } from './trigger-diff.js';
import { matchTriggers } from './trigger-match.js';

/** Triggers, named per table (triggerKey). */
export const triggerKind: KindModule<'trigger', TriggerChange, 'trigger'> = {
  name: 'trigger',
  match: matchTriggers,
  diff: diffTriggers,
  changes: {
    createTrigger: {
      build: createTriggerActions,
      diagram: (c, marks) => marks.touch({ schema: c.trigger.schema, name: c.trigger.table }),
      describe: (c) => {
        const table = qualify({ schema: c.trigger.schema, name: c.trigger.table });
        return { object: 'trigger', name: `${table}.${quoteIdent(c.trigger.name)}`, group: table, action: c.replace ? 'replace' : 'create' };
      },
    },
    setTriggerFiring: {
      build: setTriggerFiringActions,
      describe: (c) => {
        const table = qualify({ schema: c.trigger.schema, name: c.trigger.table });
        return { object: 'trigger', name: `${table}.${quoteIdent(c.trigger.name)}`, group: table, action: 'alter', detail: c.trigger.enabled ?? 'enabled' };
      },
    },
  },
  objects: {
    trigger: tablePartObject({
      kind: 'trigger',
      dep: triggerDep,
      droppedWithParent: true,
      keyword: 'TRIGGER',
      exists: triggerExists,
      find: (live, r) => live.triggers.get(triggerKey(r.schema, r.parent ?? '', r.name)),
      deps: triggerDeps,
      dropRank: DROP_RANK.trigger,
    }),
  },
  compare: { state: (s) => s.triggers, object: () => 'trigger' },
  inPlace: (t) => [...t.triggers.values()].map((g) => ({ label: 'trigger', name: `${qualify({ schema: g.schema, name: g.table })}.${quoteIdent(g.name)}` })),
};
