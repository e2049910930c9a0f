import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairObjects, type Pairing } from '../../diff/pairing.js';
import type { ExtensionDef } from '../../model/objects.js';

/** Extensions paired target-to-live, by name (PostgreSQL cannot rename one). */
export const EXTENSIONS = slot<Pairing<ExtensionDef>>('extensions');

/** Pairs extensions. */
export function matchExtensions(ctx: DiffContext): void {
  ctx.setMatched(EXTENSIONS, pairObjects(ctx.target.extensions, ctx.live.extensions, () => []));
}
