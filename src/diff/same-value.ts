/**
 * Fields that never take part in equality or hashing: provenance, and the as-written SQL kept
 * for execution next to the canonical text that is compared (`'0'` and `'0'::bigint` are the
 * same default, spelt as the migration and as the catalog spell it; a routine's `RETURN a + b`
 * is `RETURN (a + b)` to the catalog), and how an index was built (CONCURRENTLY).
 */
export const NEVER_COMPARED: ReadonlySet<string> = new Set(['origin', 'defaultSql', 'generatedSql', 'expressionSql', 'whereSql', 'concurrently', 'sqlBody', 'usingSql', 'withCheckSql', 'actionsSql']);

/**
 * JSON with sorted keys and without `origin`, so equal values compare equal as text. Built as a
 * key-sorted copy written by the native JSON.stringify: on a 5,000-table schema that is twice as
 * fast as a key-sorting replacer function, and than an allow-list of keys (which V8 checks one
 * by one against every object).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value));
}

function sortedCopy(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(sortedCopy);
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return v;
  // A plain object (V8 keeps Object.create(null) ones as slow dictionaries, ~20% slower here);
  // a key named __proto__ is defined, not assigned, so it stays an ordinary key.
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    if (NEVER_COMPARED.has(k)) continue;
    const value = sortedCopy((v as Record<string, unknown>)[k]);
    if (k === '__proto__') Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
    else out[k] = value;
  }
  return out;
}

/**
 * Structural equality with the same meaning as comparing `canonicalJson` texts (key order,
 * `undefined` fields and `origin` do not count), without building the texts: diffs of large
 * schemas compare hundreds of thousands of values.
 */
export function sameValue(a: unknown, b: unknown, ignore?: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k in ra) {
    if (NEVER_COMPARED.has(k) || ignore?.has(k)) continue;
    if (!sameValue(ra[k], rb[k])) return false;
  }
  for (const k in rb) {
    if (NEVER_COMPARED.has(k) || ignore?.has(k)) continue;
    if (!(k in ra) && rb[k] !== undefined) return false;
  }
  return true;
}
