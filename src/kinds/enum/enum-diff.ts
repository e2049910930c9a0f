import type { EnumDef } from '../../model/objects.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { originField } from '../../diff/make-change.js';
import { addEnumValue, createEnum } from './enum-change.js';
import { rename } from '../rename/rename-change.js';
import type { Pairing } from '../../diff/pairing.js';
import { ENUMS, ENUM_VALUES } from './enum-match.js';

/**
 * Where a missing label goes so it lands at the target's position: after the target label
 * before it (added already if it was missing too), or before the first target label the live
 * type has when it is the first one; at the end when the live type has none of them.
 */
function neighborOf(target: EnumDef, index: number, existing: ReadonlySet<string>): { value: string; after: boolean } | undefined {
  if (index > 0) return { value: target.values[index - 1]!, after: true };
  const next = target.values.find((v) => existing.has(v));
  return next === undefined ? undefined : { value: next, after: false };
}

/**
 * Labels of one paired enum: renames the history made, ADD VALUE for missing ones, and drift for
 * what PostgreSQL cannot do (drop a label, reorder labels).
 */
function diffValues(ctx: DiffContext, key: string, target: EnumDef, live: EnumDef, values: Pairing<string>): void {
  const ref = { schema: target.schema, name: target.name };
  for (const v of values.pairs) {
    if (!v.renamed) continue;
    ctx.out.add('enum', key, rename('enum value', { ...ref, name: v.liveKey, parent: target.name }, { ...ref, name: v.key, parent: target.name }, target.origin));
  }
  const existing = new Set(values.pairs.map((v) => v.key));
  target.values.forEach((v, i) => {
    if (!existing.has(v)) ctx.out.add('enum', key, addEnumValue(target, v, neighborOf(target, i, existing)));
  });
  for (const { key: label } of values.liveOnly) {
    ctx.out.addDrift({
      object: 'enum value', ref: { ...ref, name: label, parent: target.name }, ...originField(target.origin),
      message: `the live type has label '${label}', which the migrations never created or renamed; PostgreSQL cannot drop an enum label`,
    });
  }
  const toTarget = new Map(values.pairs.map((v) => [v.liveKey, v.key]));
  const liveOrder = live.values.filter((v) => toTarget.has(v)).map((v) => toTarget.get(v)!);
  const targetOrder = target.values.filter((v) => existing.has(v));
  if (liveOrder.join('\u0000') !== targetOrder.join('\u0000')) {
    ctx.out.addDrift({
      object: 'enum', ref, ...originField(target.origin),
      message: `labels are ordered (${liveOrder.join(', ')}) live but (${targetOrder.join(', ')}) in the migrations; PostgreSQL cannot reorder enum labels`,
    });
  }
}

/** Enum types: create, rename, add labels, comment, drop or report; label drift. */
export function diffEnums(ctx: DiffContext): void {
  const { out } = ctx;
  for (const { key, target } of ctx.matched(ENUMS).created) {
    out.add('enum', key, createEnum(target));
    ctx.comment('enum', { schema: target.schema, name: target.name }, target.comment, undefined, target.origin);
  }
  for (const { key, target, live, renamed } of ctx.matched(ENUMS).pairs) {
    const ref = { schema: target.schema, name: target.name };
    if (renamed) out.add('enum', key, rename('enum', { schema: live.schema, name: live.name }, ref, target.origin));
    diffValues(ctx, key, target, live, ctx.matched(ENUM_VALUES).get(key)!);
    ctx.comment('enum', ref, target.comment, live.comment, target.origin);
  }
  ctx.liveOnly('enum', ctx.matched(ENUMS), () => 'enum');
}
