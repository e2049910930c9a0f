import { createHash } from 'node:crypto';
import type { SchemaState } from '../model/schema-state.js';
import { CanonicalWriter } from './canonical-text.js';

/** The state's parts in the order their names sort, as the canonical JSON writes them. */
const PARTS = ['enums', 'extensions', 'functions', 'history', 'indexes', 'schemas', 'sequences', 'tables', 'triggers', 'views'] as const;

/**
 * A stable hash of a schema's content: sha256 (hex) of its canonical JSON, maps as key-sorted
 * entries and `origin` left out, so neither Map insertion order nor provenance changes it. `apply`
 * compares it with the live database's current fingerprint to refuse a stale plan. The JSON is
 * written straight into the hash in pieces (the digest of the text in pieces is the digest of the
 * whole): at 5,000 tables a whole-state copy and its 12 MB text cost the GC more than the hash.
 */
export function fingerprint(state: SchemaState): string {
  const hash = createHash('sha256');
  const w = new CanonicalWriter((text) => hash.update(text));
  PARTS.forEach((part, i) => {
    w.raw(`${i ? ',' : '{'}"${part}":[`);
    if (part === 'history') {
      state.history.forEach((event, j) => {
        if (j) w.raw(',');
        w.value(event);
      });
    } else {
      const map = state[part] as ReadonlyMap<string, unknown>;
      // Code-unit order, as compareText (src/report/sort-order.ts) sorts a state's entries.
      [...map.keys()].sort().forEach((key, j) => {
        if (j) w.raw(',');
        w.value([key, map.get(key)]);
      });
    }
    w.raw(']');
  });
  w.raw('}');
  w.flush();
  return hash.digest('hex');
}
