import { qualify, quoteIdent } from '../../model/names.js';
import { triggerKey } from '../../model/schema-state.js';
import { triggerExists } from '../../plan/catalog-conditions.js';
import { triggerDeps } from '../../plan/object-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { tablePartObject } from '../object-specs.js';
import { createTriggerActions } from './trigger-actions.js';
import type { TriggerChange } from './trigger-change.js';
import { diffTriggers } from './trigger-diff.js';

/** Triggers, named per table (triggerKey). */
export const triggerKind: KindModule<'trigger', TriggerChange, 'trigger'> = {
  name: 'trigger',
  diff: diffTriggers,
  changes: {
    createTrigger: {
      build: createTriggerActions,
      describe: (c) => {
        const table = qualify({ schema: c.trigger.schema, name: c.trigger.table });
        return { object: 'trigger', name: `${table}.${quoteIdent(c.trigger.name)}`, group: table, action: c.replace ? 'replace' : 'create' };
      },
    },
  },
  objects: {
    trigger: tablePartObject({
      keyword: 'TRIGGER',
      exists: triggerExists,
      find: (live, r) => live.triggers.get(triggerKey(r.schema, r.parent ?? '', r.name)),
      deps: triggerDeps,
      dropRank: DROP_RANK.trigger,
    }),
  },
  compare: { state: (s) => s.triggers, object: () => 'trigger' },
};
