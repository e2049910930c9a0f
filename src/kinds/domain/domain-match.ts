import { slot, type DiffContext } from '../../diff/diff-context.js';
import { pairByName } from '../../diff/match-states.js';
import type { Pairing } from '../../diff/pairing.js';
import type { DomainDef } from '../../model/objects.js';

/** Domains paired target-to-live through the history's renames. */
export const DOMAINS = slot<Pairing<DomainDef>>('domains');

/** Pairs domains and records their renames (column types spell them). */
export function matchDomains(ctx: DiffContext): void {
  const domains = pairByName(ctx, 'domain', ctx.target.domains, ctx.live.domains);
  for (const p of domains.pairs) if (p.renamed) ctx.names.renameType(p.live, p.target);
  ctx.setMatched(DOMAINS, domains);
}
