import { createHash } from 'node:crypto';
import { canonicalJson } from '../diff/compare-states.js';
import type { SchemaState } from '../model/schema-state.js';
import { entriesByKey } from '../report/sort-order.js';

/**
 * A stable hash of a schema's content: sha256 (hex) of its canonical JSON, maps as key-sorted
 * entries and `origin` left out, so neither Map insertion order nor provenance changes it. `apply`
 * compares it with the live database's current fingerprint to refuse a stale plan.
 */
export function fingerprint(state: SchemaState): string {
  const content = {
    schemas: entriesByKey(state.schemas),
    extensions: entriesByKey(state.extensions),
    enums: entriesByKey(state.enums),
    sequences: entriesByKey(state.sequences),
    tables: entriesByKey(state.tables),
    indexes: entriesByKey(state.indexes),
    views: entriesByKey(state.views),
    functions: entriesByKey(state.functions),
    triggers: entriesByKey(state.triggers),
    history: state.history,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
