import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairObjects, type Pairing } from '../../diff/pairing.js';
import { extensionFacts, extensionMove } from '../../model/extension-catalog.js';
import type { ExtensionDef } from '../../model/objects.js';

/** Extensions paired target-to-live, by name (PostgreSQL cannot rename one). */
export const EXTENSIONS = slot<Pairing<ExtensionDef>>('extensions');

/**
 * Pairs extensions. A known extension the target has in another schema than the live one is
 * moved by the plan, and its member types with it: live columns of `a.citext` are the target's
 * `b.citext` (PostgreSQL holds the type's OID), not a type change.
 */
export function matchExtensions(ctx: DiffContext): void {
  const pairing = pairObjects(ctx.target.extensions, ctx.live.extensions, () => []);
  ctx.setMatched(EXTENSIONS, pairing);
  for (const { target, live } of pairing.pairs) {
    const move = extensionMove(target, live);
    if (!move) continue;
    for (const t of extensionFacts(target.name)?.types ?? []) ctx.names.renameType({ schema: move.from, name: t }, { schema: move.to, name: t });
  }
}
