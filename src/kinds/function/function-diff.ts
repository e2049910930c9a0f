import type { FunctionDef } from '../../model/objects.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { differs } from '../../diff/diff-context.js';
import * as make from '../../diff/make-change.js';

/** Attributes CREATE OR REPLACE FUNCTION cannot change: PostgreSQL refuses a new return type, kind or argument names. */
const needsDrop = (t: FunctionDef, l: FunctionDef): boolean => t.kind !== l.kind || (t.returns ?? null) !== (l.returns ?? null) || t.args !== l.args;

/** Functions and procedures: create, rename, replace (or drop and create), comment, drop or report. */
export function diffFunctions(ctx: DiffContext): void {
  const { m, out } = ctx;
  for (const { key, target } of m.functions.created) {
    out.add('function', key, make.createFunction(target, false));
    ctx.comment('function', { schema: target.schema, name: target.name }, target.comment, undefined, target.origin, target.identityArgs);
  }
  for (const { key, target, live, renamed } of m.functions.pairs) {
    const ref = { schema: target.schema, name: target.name };
    if (renamed) out.add('function', key, make.rename('function', { schema: live.schema, name: live.name }, ref, target.origin));
    if (needsDrop(target, live)) {
      out.add('function', key, make.drop('function', ref, 'replace', target.origin, target.identityArgs));
      out.add('function', key, make.createFunction(target, false, true));
      ctx.comment('function', ref, target.comment, undefined, target.origin, target.identityArgs);
      continue;
    }
    if (differs(target, live)) out.add('function', key, make.createFunction(target, true));
    ctx.comment('function', ref, target.comment, live.comment, target.origin, target.identityArgs);
  }
  ctx.liveOnly('function', m.functions, () => 'function', undefined, (f) => f.identityArgs);
}
