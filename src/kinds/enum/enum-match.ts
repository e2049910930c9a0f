import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairByName, pairParts } from '../../diff/match-states.js';
import type { Pairing } from '../../diff/pairing.js';
import type { DropEvent } from '../../model/history.js';
import type { EnumDef } from '../../model/objects.js';

/** Enums paired target-to-live through the history's renames. */
export const ENUMS = slot<Pairing<EnumDef>>('enums');
/** The labels of each enum pair (by the target key), through the history's label renames. */
export const ENUM_VALUES = slot<ReadonlyMap<string, Pairing<string>>>('enum values');

/** Pairs enums and their labels, and records the renames (column types and defaults spell them). */
export function matchEnums(ctx: DiffContext): void {
  const enums = pairByName(ctx, 'enum', ctx.target.enums, ctx.live.enums);
  const values = new Map<string, Pairing<string>>();
  for (const p of enums.pairs) {
    if (p.renamed) ctx.names.renameType(p.live, p.target);
    const labels = (e: EnumDef) => new Map(e.values.map((v) => [v, v]));
    const pairs = pairParts(ctx, 'enum value', p, labels(p.target), labels(p.live), false);
    for (const v of pairs.pairs) if (v.renamed) ctx.names.renameLabel(p.live, v.liveKey, v.key);
    values.set(p.key, pairs);
  }
  ctx.setMatched(ENUMS, enums);
  ctx.setMatched(ENUM_VALUES, values);
}

/** The history drop of a live-only enum (by its type text, as columns spell it), if it is one. */
export function enumDrop(ctx: DiffContext, typeText: string): DropEvent | undefined {
  const key = typeText.replace(/\[\]$/, '');
  const e = ctx.matched(ENUMS).liveOnly.find((o) => o.key === key);
  return e ? ctx.pendingDrop('enum', { schema: e.live.schema, name: e.live.name }) : undefined;
}
