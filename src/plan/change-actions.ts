import { assertNever, type Change } from '../diff/change.js';
import type { Built } from './action.js';
import {
  addColumnActions, alterColumnTypeActions, alterIdentityActions, setDefaultActions, setGeneratedActions, setNotNullActions,
} from '../kinds/column/column-actions.js';
import { setCommentActions } from '../kinds/comment/comment-actions.js';
import { addConstraintActions, validateConstraintActions } from '../kinds/constraint/constraint-actions.js';
import { dropActions } from './drop-actions.js';
import { addEnumValueActions, createEnumActions } from '../kinds/enum/enum-actions.js';
import { createIndexActions } from '../kinds/index/index-actions.js';
import type { PlanContext } from './plan-context.js';
import { renameActions } from './rename-actions.js';
import { createFunctionActions, createTriggerActions } from '../kinds/function/function-actions.js';
import { createExtensionActions, createSchemaActions } from '../kinds/schema/schema-actions.js';
import { alterSequenceActions, createSequenceActions } from '../kinds/sequence/sequence-actions.js';
import { createTableActions, setLoggedActions, setTableOptionsActions } from '../kinds/table/table-actions.js';
import { createViewActions } from '../kinds/view/view-actions.js';

/** The actions (ordered units of idempotent SQL) that carry out one change of the diff. */
export function changeActions(c: Change, index: number, ctx: PlanContext): Built {
  switch (c.kind) {
    case 'createSchema': return createSchemaActions(c, index, ctx);
    case 'createExtension': return createExtensionActions(c, index);
    case 'createEnum': return createEnumActions(c, index, ctx);
    case 'addEnumValue': return addEnumValueActions(c, index);
    case 'createSequence': return createSequenceActions(c, index, ctx);
    case 'alterSequence': return alterSequenceActions(c, index, ctx);
    case 'createTable': return createTableActions(c, index, ctx);
    case 'setLogged': return setLoggedActions(c, index);
    case 'setTableOptions': return setTableOptionsActions(c, index);
    case 'addColumn': return addColumnActions(c, index, ctx);
    case 'alterColumnType': return alterColumnTypeActions(c, index, ctx);
    case 'setDefault': return setDefaultActions(c, index);
    case 'setNotNull': return setNotNullActions(c, index);
    case 'alterIdentity': return alterIdentityActions(c, index);
    case 'setGenerated': return setGeneratedActions(c, index, ctx);
    case 'addConstraint': return addConstraintActions(c, index, ctx);
    case 'validateConstraint': return validateConstraintActions(c, index);
    case 'createIndex': return createIndexActions(c, index, ctx);
    case 'createView': return createViewActions(c, index, ctx);
    case 'createFunction': return createFunctionActions(c, index, ctx);
    case 'createTrigger': return createTriggerActions(c, index, ctx);
    case 'setComment': return setCommentActions(c, index, ctx);
    case 'rename': return renameActions(c, index, ctx.live);
    case 'drop': return dropActions(c, index, ctx);
    default: return assertNever(c, 'change');
  }
}
