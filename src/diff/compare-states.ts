import { quoteIdent } from '../model/names.js';
import type { ObjectKind, TableDef } from '../model/objects.js';
import type { Origin } from '../model/origin.js';
import type { SchemaState } from '../model/schema-state.js';
import type { AttributeDifference, Difference } from './difference.js';

/**
 * Fields that never take part in equality or hashing: provenance, and the as-written SQL kept
 * for execution next to the canonical text that is compared (`'0'` and `'0'::bigint` are the
 * same default, spelt as the migration and as the catalog spell it; a routine's `RETURN a + b`
 * is `RETURN (a + b)` to the catalog), and how an index was built (CONCURRENTLY).
 */
export const NEVER_COMPARED: ReadonlySet<string> = new Set(['origin', 'defaultSql', 'generatedSql', 'expressionSql', 'whereSql', 'concurrently', 'sqlBody']);

/** Fields that never take part in equality here: those, and names already matched by key. */
const IGNORED = new Set([...NEVER_COMPARED, 'schema', 'name', 'columns', 'constraints']);

/** Attributes ignored per kind because one side cannot know them (view column lists, extension schemas). */
const IGNORED_FOR: Partial<Record<ObjectKind, ReadonlySet<string>>> = {
  view: new Set(['columns', 'definition']),
  'materialized view': new Set(['columns', 'definition']),
  extension: new Set(['schema']),
};

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

function attributeDiffs(kind: ObjectKind, target: object, live: object, extraIgnored: readonly string[] = []): AttributeDifference[] {
  const skip = IGNORED_FOR[kind];
  const keys = new Set([...Object.keys(target), ...Object.keys(live)]);
  const out: AttributeDifference[] = [];
  for (const k of [...keys].sort()) {
    if (IGNORED.has(k) || skip?.has(k) || extraIgnored.includes(k)) continue;
    const t = (target as Record<string, unknown>)[k];
    const l = (live as Record<string, unknown>)[k];
    if (!sameValue(t, l)) out.push({ attribute: k, target: t, live: l });
  }
  return out;
}

function originOf(o: unknown): Origin | undefined {
  return (o as { origin?: Origin }).origin;
}

function compareMaps<T extends object>(
  out: Difference[],
  kind: (o: T) => ObjectKind,
  target: ReadonlyMap<string, T>,
  live: ReadonlyMap<string, T>,
  onBoth?: (t: T, l: T, name: string) => void,
): void {
  for (const [k, t] of target) {
    const l = live.get(k);
    const origin = originOf(t);
    if (!l) {
      out.push({ kind: 'missing', object: kind(t), name: k, ...(origin ? { origin } : {}) });
      continue;
    }
    const attributes = attributeDiffs(kind(t), t, l);
    if (attributes.length) out.push({ kind: 'different', object: kind(t), name: k, attributes, ...(origin ? { origin } : {}) });
    onBoth?.(t, l, k);
  }
  for (const [k, l] of live) if (!target.has(k)) out.push({ kind: 'extra', object: kind(l), name: k });
}

function compareTables(out: Difference[], t: TableDef, l: TableDef, tableName: string): void {
  const byName = <X extends { name: string }>(xs: readonly X[]): Map<string, X> => new Map(xs.map((x) => [quoteIdent(x.name), x]));
  const sub = (n: string): string => `${tableName}.${n}`;
  const cols = new Map<string, object>();
  for (const [k, c] of byName(t.columns)) cols.set(sub(k), c);
  const liveCols = new Map<string, object>();
  for (const [k, c] of byName(l.columns)) liveCols.set(sub(k), c);
  compareMaps(out, () => 'column', cols, liveCols);
  const cons = new Map<string, object>();
  for (const [k, c] of byName(t.constraints)) cons.set(sub(k), c);
  const liveCons = new Map<string, object>();
  for (const [k, c] of byName(l.constraints)) liveCons.set(sub(k), c);
  compareMaps(out, () => 'constraint', cons, liveCons);
}

const ORDER: ObjectKind[] = [
  'schema', 'extension', 'enum', 'sequence', 'table', 'column', 'constraint', 'index', 'view', 'materialized view', 'function', 'trigger',
];

/**
 * Compares a target state with a live one, object by object and attribute by attribute, in
 * both directions. Pure. Used by `check`, and the ground the planner's diff stands on.
 */
export function compareStates(target: SchemaState, live: SchemaState): Difference[] {
  const out: Difference[] = [];
  compareMaps(out, () => 'schema', target.schemas, live.schemas);
  compareMaps(out, () => 'extension', target.extensions, live.extensions);
  compareMaps(out, () => 'enum', target.enums, live.enums);
  compareMaps(out, () => 'sequence', target.sequences, live.sequences);
  compareMaps(out, () => 'table', target.tables, live.tables, (t, l, name) => compareTables(out, t, l, name));
  compareMaps(out, () => 'index', target.indexes, live.indexes);
  compareMaps(out, (v) => (v.materialized ? 'materialized view' : 'view'), target.views, live.views);
  compareMaps(out, () => 'function', target.functions, live.functions);
  compareMaps(out, () => 'trigger', target.triggers, live.triggers);
  return out.sort((a, b) => ORDER.indexOf(a.object) - ORDER.indexOf(b.object) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** How many objects a comparison looked at (both sides, union by key), for summaries. */
export function countObjects(target: SchemaState, live: SchemaState): number {
  let n = 0;
  const union = (a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): number => new Set([...a.keys(), ...b.keys()]).size;
  n += union(target.schemas, live.schemas) + union(target.extensions, live.extensions) + union(target.enums, live.enums);
  n += union(target.sequences, live.sequences) + union(target.tables, live.tables) + union(target.indexes, live.indexes);
  n += union(target.views, live.views) + union(target.functions, live.functions) + union(target.triggers, live.triggers);
  for (const [k, t] of target.tables) {
    const l = live.tables.get(k);
    n += new Set([...t.columns.map((c) => c.name), ...(l?.columns.map((c) => c.name) ?? [])]).size;
    n += new Set([...t.constraints.map((c) => c.name), ...(l?.constraints.map((c) => c.name) ?? [])]).size;
  }
  for (const [k, l] of live.tables) if (!target.tables.has(k)) n += l.columns.length + l.constraints.length;
  return n;
}

