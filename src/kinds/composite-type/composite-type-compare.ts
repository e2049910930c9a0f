import { compareMaps } from '../../diff/compare-maps.js';
import type { Difference } from '../../diff/difference.js';
import { quoteIdent } from '../../model/names.js';
import type { CompositeTypeDef } from '../../model/objects.js';

/**
 * A composite type's attributes compared one by one for `check` (`type.attribute`, added, removed
 * or retyped), then their order, which PostgreSQL keeps and row values depend on.
 */
export function compareAttributes(out: Difference[], t: CompositeTypeDef, l: CompositeTypeDef, typeName: string): void {
  const byName = (c: CompositeTypeDef): Map<string, object> => new Map(c.attributes.map((a) => [`${typeName}.${quoteIdent(a.name)}`, a]));
  compareMaps(out, () => 'attribute', byName(t), byName(l));
  const names = (c: CompositeTypeDef): string[] => c.attributes.map((a) => a.name);
  const shared = (c: CompositeTypeDef, other: CompositeTypeDef): string[] => names(c).filter((n) => names(other).includes(n));
  const [to, lo] = [shared(t, l), shared(l, t)];
  if (to.join('\u0000') !== lo.join('\u0000')) {
    out.push({ kind: 'different', object: 'composite type', name: typeName, attributes: [{ attribute: 'attribute order', target: to, live: lo }], ...(t.origin ? { origin: t.origin } : {}) });
  }
}

/** How many attributes a pair holds (union by name), for summaries. */
export function countAttributes(t: CompositeTypeDef | undefined, l: CompositeTypeDef | undefined): number {
  return new Set([...(t?.attributes ?? []), ...(l?.attributes ?? [])].map((a) => a.name)).size;
}
