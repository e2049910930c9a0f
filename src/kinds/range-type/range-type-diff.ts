import type { Change } from '../../diff/change.js';
import { differingAttributes, type DiffContext } from '../../diff/diff-context.js';
import { originField } from '../../diff/make-change.js';
import { qualify } from '../../model/names.js';
import type { RangeTypeDef } from '../../model/objects.js';
import { typeUsedBy } from '../../model/type-users.js';
import { drop } from '../drop/drop-change.js';
import { RANGE_TYPES } from './range-type-match.js';
import { rename } from '../rename/rename-change.js';

function create(ctx: DiffContext, key: string, r: RangeTypeDef): void {
  const c: Change = { kind: 'createRangeType', range: r, ...originField(r.origin) };
  ctx.out.add('rangeType', key, c);
  ctx.comment('range type', { schema: r.schema, name: r.name }, r.comment, undefined, r.origin);
}

/** An attribute's value for a drift message (`float8mi`, `public.floatmultirange`, or `default`). */
function shown(v: unknown): string {
  if (v === undefined) return 'default';
  return typeof v === 'object' && v !== null && 'name' in v ? qualify(v as RangeTypeDef['multirange']) : String(v);
}

/** What a paired range type differs in (its live subtype as the target spells it), and what uses the live one when it does. */
function compared(ctx: DiffContext, target: RangeTypeDef, live: RangeTypeDef): { liveSeen: RangeTypeDef; differ: string[]; user: string | undefined } {
  const liveSeen = { ...live, subtype: ctx.names.type(live.subtype) };
  const differ = differingAttributes(target, liveSeen);
  return { liveSeen, differ, user: differ.length ? typeUsedBy(ctx.live, live) : undefined };
}

/** Target keys of the range types the diff drops and creates again: their grants and owners (and their multiranges') start afresh. */
export function recreatedRangeTypes(ctx: DiffContext): ReadonlySet<string> {
  const out = new Set<string>();
  for (const { key, target, live } of ctx.matched(RANGE_TYPES).pairs) {
    const { differ, user } = compared(ctx, target, live);
    if (differ.length && user === undefined) out.add(key);
  }
  return out;
}

/**
 * Range types: create, rename; any other difference (subtype, operator class, collation,
 * functions, multirange name) is a drop and create when nothing uses the live type (no column,
 * domain, range, composite or function: DROP TYPE would refuse, or take their data along), else drift.
 */
export function diffRangeTypes(ctx: DiffContext): void {
  const { out } = ctx;
  for (const { key, target } of ctx.matched(RANGE_TYPES).created) create(ctx, key, target);
  for (const { key, target, live, renamed } of ctx.matched(RANGE_TYPES).pairs) {
    const ref = { schema: target.schema, name: target.name };
    const { liveSeen, differ, user } = compared(ctx, target, live);
    if (differ.length) {
      if (user === undefined) {
        out.add('rangeType', key, drop('range type', { schema: live.schema, name: live.name }, 'replace', target.origin, undefined, differ));
        create(ctx, key, target);
        continue;
      }
      const what = differ.map((a) => `${a} is ${shown((liveSeen as unknown as Record<string, unknown>)[a])} live but ${shown((target as unknown as Record<string, unknown>)[a])} in the migrations`);
      out.addDrift({ object: 'range type', ref, ...originField(target.origin), message: `${what.join('; ')}: PostgreSQL cannot alter a range type, and ${user} uses ${qualify(live)}` });
    }
    if (renamed) out.add('rangeType', key, rename('range type', { schema: live.schema, name: live.name }, ref, target.origin));
    ctx.comment('range type', ref, target.comment, live.comment, target.origin);
  }
  ctx.liveOnly('rangeType', ctx.matched(RANGE_TYPES), () => 'range type');
}
