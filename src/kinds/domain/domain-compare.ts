import { compareMaps } from '../../diff/compare-maps.js';
import type { Difference } from '../../diff/difference.js';
import { quoteIdent } from '../../model/names.js';
import type { DomainDef } from '../../model/objects.js';

/** A domain's CHECKs compared one by one for `check`, named `domain.check` like a table's constraints. */
export function compareDomainChecks(out: Difference[], t: DomainDef, l: DomainDef, domainName: string): void {
  const byName = (d: DomainDef): Map<string, object> => new Map(d.checks.map((c) => [`${domainName}.${quoteIdent(c.name)}`, c]));
  compareMaps(out, () => 'constraint', byName(t), byName(l));
}

/** How many checks a domain pair holds (union by name), for summaries. */
export function countDomainChecks(t: DomainDef | undefined, l: DomainDef | undefined): number {
  return new Set([...(t?.checks ?? []), ...(l?.checks ?? [])].map((c) => c.name)).size;
}
