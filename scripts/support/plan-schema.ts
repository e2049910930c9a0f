/**
 * The enums of the published saved-plan JSON Schema (schema/plan.schema.json) that the kind
 * registry decides: the change kinds and the concerns. The file itself stays a static, committed
 * document; scripts/plan-schema.ts rewrites these two enums in it (npm run build runs it) and
 * test/kinds/plan-schema.test.ts fails while the committed file differs from the registry.
 */
import type { CommonConcern } from '../../src/diff/change.js';
import { kinds } from '../../src/kinds/registry.js';

/** The concerns every kind may use (derive-hazards.ts gives their class); the compiler checks the list is complete. */
const COMMON_CONCERNS = ['changes behaviour', 'removes an object'] as const satisfies readonly CommonConcern[];
export const EVERY_COMMON_CONCERN: [Exclude<CommonConcern, (typeof COMMON_CONCERNS)[number]>] extends [never] ? true : never = true;

/** What the registry gives for the schema's enums, in registry order. */
export interface PlanSchemaEnums {
  /** Every change kind (`changes[].kind`). */
  readonly changeKinds: readonly string[];
  /** The common concerns, then those kind modules declare (`changes[].change.concern`). */
  readonly concerns: readonly string[];
}

/** The change kinds and concerns of the registered kinds. */
export function planSchemaEnums(): PlanSchemaEnums {
  return {
    changeKinds: kinds().flatMap((k) => Object.keys(k.changes)),
    concerns: [...COMMON_CONCERNS, ...kinds().flatMap((k: { readonly concerns?: object }) => Object.keys(k.concerns ?? {}))],
  };
}

/** The enum a property of the schema's `$defs.change` lists: `"<name>": { "enum": [...]` (the only such spelling for each). */
const ENUM_OF = (property: string): RegExp => new RegExp(`("${property}": \\{\\s*"enum": )\\[[^\\]]*\\]`, 'g');

/**
 * The schema text with its change-kind and concern enums set to `enums`, everything else as
 * written (the file is laid out by hand, so it is edited in place rather than re-serialised).
 */
export function withPlanSchemaEnums(text: string, enums: PlanSchemaEnums = planSchemaEnums()): string {
  let out = text;
  for (const [property, values] of [['kind', enums.changeKinds], ['concern', enums.concerns]] as const) {
    const re = ENUM_OF(property);
    const found = out.match(re)?.length ?? 0;
    if (found !== 1) throw new Error(`schema/plan.schema.json: expected one "${property}": { "enum": [...] }, found ${found}`);
    out = out.replace(re, (_, head: string) => `${head}[${values.map((v) => JSON.stringify(v)).join(', ')}]`);
  }
  return out;
}
