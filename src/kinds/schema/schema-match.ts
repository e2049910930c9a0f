import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairObjects, type Pairing } from '../../diff/pairing.js';
import type { SchemaDef } from '../../model/objects.js';

/** Schemas paired target-to-live, by name (the history's schema renames the live database lacks are applied to it first: DiffContext.schemaRenames). */
export const SCHEMAS = slot<Pairing<SchemaDef>>('schemas');

/** Pairs schemas. */
export function matchSchemas(ctx: DiffContext): void {
  ctx.setMatched(SCHEMAS, pairObjects(ctx.target.schemas, ctx.live.schemas, () => []));
}
