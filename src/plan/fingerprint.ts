import { createHash } from 'node:crypto';
import type { SchemaState } from '../model/schema-state.js';
import { CanonicalWriter } from './canonical-text.js';

/**
 * Every part of the state, so that a part added to SchemaState cannot be left out of the hash
 * (the compiler asks for it here): a saved plan must be refused when any managed object changed,
 * a policy or a default privilege as much as a table.
 */
const ALL_PARTS: Readonly<Record<keyof SchemaState, true>> = {
  schemas: true, extensions: true, enums: true, domains: true, compositeTypes: true, rangeTypes: true,
  collations: true, operators: true, sequences: true, tables: true, indexes: true, views: true,
  functions: true, aggregates: true, triggers: true, policies: true, rules: true, history: true,
  defaultPrivileges: true, privilegeRoles: true,
};

/** The state's parts in the order their names sort, as the canonical JSON writes them. */
const PARTS = (Object.keys(ALL_PARTS) as (keyof SchemaState)[]).sort();

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
    const value: ReadonlyMap<string, unknown> | readonly unknown[] | undefined = state[part];
    if (value === undefined) {
      // An optional part that is absent is written as empty, as an empty one is.
    } else if (Array.isArray(value)) {
      // Lists (the history's events, the managed roles) in their own order.
      value.forEach((item, j) => {
        if (j) w.raw(',');
        w.value(item);
      });
    } else {
      const map = value as ReadonlyMap<string, unknown>;
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
