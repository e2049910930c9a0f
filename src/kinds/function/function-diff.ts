import type { FunctionDef } from '../../model/objects.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { differs } from '../../diff/diff-context.js';
import { drop } from '../drop/drop-change.js';
import { createFunction } from './function-change.js';
import { rename } from '../rename/rename-change.js';
import { FUNCTIONS } from './function-match.js';

/**
 * Attributes CREATE OR REPLACE FUNCTION cannot change: PostgreSQL refuses a new return type, kind
 * or argument names, so the plan drops and creates the function (which loses its grants).
 */
export const functionRecreated = (t: FunctionDef, l: FunctionDef): boolean => t.kind !== l.kind || (t.returns ?? null) !== (l.returns ?? null) || t.args !== l.args;

/** Functions and procedures: create, rename, replace (or drop and create), comment, drop or report. */
export function diffFunctions(ctx: DiffContext): void {
  const { out } = ctx;
  for (const { key, target } of ctx.matched(FUNCTIONS).created) {
    out.add('function', key, createFunction(target, false));
    ctx.comment('function', { schema: target.schema, name: target.name }, target.comment, undefined, target.origin, target.identityArgs);
  }
  for (const { key, target, live, renamed } of ctx.matched(FUNCTIONS).pairs) {
    const ref = { schema: target.schema, name: target.name };
    if (renamed) out.add('function', key, rename('function', { schema: live.schema, name: live.name, args: live.identityArgs }, ref, target.origin));
    if (functionRecreated(target, live)) {
      out.add('function', key, drop('function', ref, 'replace', target.origin, target.identityArgs));
      out.add('function', key, createFunction(target, false, true));
      ctx.comment('function', ref, target.comment, undefined, target.origin, target.identityArgs);
      continue;
    }
    if (differs(target, live)) out.add('function', key, createFunction(target, true));
    ctx.comment('function', ref, target.comment, live.comment, target.origin, target.identityArgs);
  }
  ctx.liveOnly('function', ctx.matched(FUNCTIONS), () => 'function', undefined, (f) => f.identityArgs);
}
