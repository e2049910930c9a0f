import type { Change } from '../../diff/change.js';
import { privilegeScope } from './privilege-compare.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { diffPrivileges } from './privilege-steps.js';
import { originField } from '../../diff/make-change.js';
import { rebuiltViews } from '../view/rebuilt-views.js';
import { recreatedRangeTypes } from '../range-type/range-type-diff.js';

/**
 * Privileges of the roles the history names (see privilege-compare.ts), after every other
 * change: the objects exist by then, under their target names. Owners the history set are
 * planned with DiffOptions.owners (`--owners`), as ALTER ... OWNER TO ahead of the object's grants.
 */
export function diffPrivilegeKind(ctx: DiffContext): void {
  const rebuilt = rebuiltViews(ctx);
  const columnRenames = new Map([...rebuilt.columns].flatMap(([key, c]) => (c.kind === 'fits' && c.renames.length ? [[key, new Map(c.renames)] as const] : [])));
  const steps = diffPrivileges(ctx.target, ctx.live, privilegeScope(ctx.target, !!ctx.opts.owners), { recreated: rebuilt.target, columnRenames }, recreatedRangeTypes(ctx));
  steps.forEach((step, i) => {
    const change: Change = {
      kind: 'setPrivileges', step, ...(step.concern ? { concern: step.concern } : {}),
      ...originField(step.origin),
    };
    ctx.out.add('privilege', `${String(i).padStart(6, '0')}`, change);
  });
}
