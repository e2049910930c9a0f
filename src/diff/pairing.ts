import { compareText } from './sort-keys.js';

/** A target object and the live object that is the same object (same key, or an earlier name). */
export interface Pair<T> {
  readonly key: string;
  readonly liveKey: string;
  readonly target: T;
  readonly live: T;
  /** The live object carries a name the history renamed away from. */
  readonly renamed: boolean;
}

/** Result of pairing two maps of one kind; every list is sorted by key. */
export interface Pairing<T> {
  readonly pairs: readonly Pair<T>[];
  /** Target objects with no live counterpart. */
  readonly created: readonly { readonly key: string; readonly target: T }[];
  /** Live objects with no target counterpart. */
  readonly liveOnly: readonly { readonly key: string; readonly live: T }[];
}

/** An earlier key of a target object and the history position where that name ended. */
export interface EarlierKey {
  readonly key: string;
  readonly until: number;
}

/**
 * Pairs target and live objects: by key, then through earlier names. A target object missing
 * live claims a live object under one of its earlier names, earliest-ending name first (a live
 * database is a prefix of the history, so the object the oldest name belonged to is the one it
 * still has). A claim may take a live object from a target object that only matched it by key
 * (`RENAME COLUMN a TO b; ADD COLUMN a`: the live `a` is the target's `b`); that target object
 * then looks for its own earlier names. A target object matched by key may still claim a free
 * live object under an earlier name when `mayReclaim` says the history dropped an older object
 * of its name (`DROP TABLE users; ALTER TABLE users_new RENAME TO users`): the live `users` is
 * the old one. Deterministic: ties break on keys.
 */
export function pairObjects<T>(
  target: ReadonlyMap<string, T>,
  live: ReadonlyMap<string, T>,
  earlier: (key: string, t: T) => readonly EarlierKey[],
  mayReclaim: (key: string, t: T) => boolean = () => false,
): Pairing<T> {
  const targetKeys = [...target.keys()].sort(compareText);
  const reclaim = new Map<string, boolean>();
  const mayReclaimKey = (k: string): boolean => {
    let r = reclaim.get(k);
    if (r === undefined) reclaim.set(k, (r = mayReclaim(k, target.get(k)!)));
    return r;
  };
  // The common case (every target object live under its own name, none reclaiming): no claims.
  // Asked without the memo (a Map entry per object); the general path below memoises what it asks.
  let common = 0;
  while (common < targetKeys.length) {
    const k = targetKeys[common]!;
    if (!live.has(k) || mayReclaim(k, target.get(k)!)) break;
    common++;
  }
  if (common === targetKeys.length) {
    const pairs = targetKeys.map((k) => ({ key: k, liveKey: k, target: target.get(k)!, live: live.get(k)!, renamed: false }));
    // Every target key is live: a live map of the same size has no other key.
    return { pairs, created: [], liveOnly: live.size === target.size ? [] : liveOnlyOf(live, (k) => target.has(k)) };
  }
  for (let i = 0; i < common; i++) reclaim.set(targetKeys[i]!, false);
  const matched = new Map<string, { liveKey: string; renamed: boolean }>();
  const owner = new Map<string, string>();
  for (const k of targetKeys) {
    if (live.has(k)) {
      matched.set(k, { liveKey: k, renamed: false });
      owner.set(k, k);
    }
  }
  // Every claim a target object may make, best first; validity is checked when its turn comes.
  // Taking a claim only ever invalidates others, except a steal, which frees a target object:
  // its claims join the list and the scan starts over.
  type Claim = { key: string; liveKey: string; until: number };
  const claims: Claim[] = [];
  const claimed = new Set<string>();
  const addClaims = (k: string): void => {
    if (claimed.has(k)) return;
    claimed.add(k);
    for (const c of earlier(k, target.get(k)!)) if (c.key !== k && live.has(c.key)) claims.push({ key: k, liveKey: c.key, until: c.until });
  };
  const order = (a: Claim, b: Claim): number => a.until - b.until || compareText(a.key, b.key) || compareText(a.liveKey, b.liveKey);
  for (const k of targetKeys) if (!matched.has(k) || mayReclaimKey(k)) addClaims(k);
  claims.sort(order);
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i]!;
    const m = matched.get(c.key);
    if (m && (m.renamed || !mayReclaimKey(c.key))) continue;
    const o = owner.get(c.liveKey);
    if (o !== undefined && (m || matched.get(o)!.renamed)) continue;
    if (o !== undefined) matched.delete(o);
    if (m) owner.delete(m.liveKey);
    matched.set(c.key, { liveKey: c.liveKey, renamed: true });
    owner.set(c.liveKey, c.key);
    if (o !== undefined) {
      addClaims(o);
      claims.sort(order);
      i = -1;
    }
  }
  const pairs: Pair<T>[] = [];
  const created: { key: string; target: T }[] = [];
  for (const k of targetKeys) {
    const m = matched.get(k);
    if (m) pairs.push({ key: k, liveKey: m.liveKey, target: target.get(k)!, live: live.get(m.liveKey)!, renamed: m.renamed });
    else created.push({ key: k, target: target.get(k)! });
  }
  return { pairs, created, liveOnly: liveOnlyOf(live, (k) => owner.has(k)) };
}

/** The live objects no target object took, sorted by key. */
function liveOnlyOf<T>(live: ReadonlyMap<string, T>, taken: (key: string) => boolean): { key: string; live: T }[] {
  return [...live.keys()]
    .filter((k) => !taken(k))
    .sort(compareText)
    .map((k) => ({ key: k, live: live.get(k)! }));
}

const pairIndexes = new WeakMap<Pairing<unknown>, ReadonlyMap<string, Pair<unknown>>>();
const createdIndexes = new WeakMap<Pairing<unknown>, ReadonlySet<string>>();

/**
 * The pair of a target key in a pairing (undefined: not paired). The index is built once per
 * pairing: a lookup per object of another kind (an index's table) would otherwise scan all pairs.
 */
export function pairOfKey<T>(pairing: Pairing<T>, key: string): Pair<T> | undefined {
  let index = pairIndexes.get(pairing);
  if (!index) pairIndexes.set(pairing, (index = new Map(pairing.pairs.map((p) => [p.key, p]))));
  return index.get(key) as Pair<T> | undefined;
}

/** Is the target key one the pairing found no live object for (the diff creates it)? Indexed once per pairing, as pairOfKey. */
export function isCreatedKey(pairing: Pairing<unknown>, key: string): boolean {
  let index = createdIndexes.get(pairing);
  if (!index) createdIndexes.set(pairing, (index = new Set(pairing.created.map((c) => c.key))));
  return index.has(key);
}
