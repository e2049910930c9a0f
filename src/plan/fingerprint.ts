import { createHash } from 'node:crypto';
import { canonicalJson } from '../diff/same-value.js';
import type { SchemaState } from '../model/schema-state.js';
import { entriesByKey } from '../report/sort-order.js';

/** The state's parts in the order their names sort, as the canonical JSON writes them. */
const PARTS = ['enums', 'extensions', 'functions', 'history', 'indexes', 'schemas', 'sequences', 'tables', 'triggers', 'views'] as const;

/**
 * A stable hash of a schema's content: sha256 (hex) of its canonical JSON, maps as key-sorted
 * entries and `origin` left out, so neither Map insertion order nor provenance changes it. `apply`
 * compares it with the live database's current fingerprint to refuse a stale plan. The JSON is
 * fed to the hash one entry at a time (the digest of the text in pieces is the digest of the
 * whole): at 5,000 tables a whole-state copy and its 11 MB text cost the GC more than the hash.
 */
export function fingerprint(state: SchemaState): string {
  const hash = createHash('sha256');
  PARTS.forEach((part, i) => {
    hash.update(`${i ? ',' : '{'}"${part}":[`);
    const items = part === 'history' ? state.history : entriesByKey(state[part] as ReadonlyMap<string, unknown>);
    items.forEach((item, j) => hash.update((j ? ',' : '') + canonicalJson(item)));
    hash.update(']');
  });
  return hash.update('}').digest('hex');
}
