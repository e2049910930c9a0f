import type { Change } from '../diff/change.js';
import { changeSpec } from '../kinds/kind-lookup.js';
import '../kinds/registry.js';
import type { Built } from './action.js';
import type { PlanContext } from './plan-context.js';

/** The actions (ordered units of idempotent SQL) that carry out one change of the diff, from its kind module. */
export function changeActions(c: Change, index: number, ctx: PlanContext): Built {
  return (changeSpec(c.kind).build as (c: Change, index: number, ctx: PlanContext) => Built)(c, index, ctx);
}
