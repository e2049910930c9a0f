/**
 * One sort of fact the planner's builders share across changes ("constraints an addConstraint
 * adds", "sequences an identity column owns"), declared by the kind module that records and
 * reads it: plan-context.ts only runs the kinds' scans and never names a fact.
 */
export interface Fact<V> {
  readonly name: string;
  /** Type-only: the value recorded per key. */
  readonly value?: V;
}

/** Declares a fact (a set of keys when `V` is `true`). */
export function fact<V = true>(name: string): Fact<V> {
  return { name };
}

/** Facts recorded while scanning the diff's changes and the live database, keyed by string (the last record of a key wins). */
export class PlanFacts {
  private readonly maps = new Map<Fact<unknown>, Map<string, unknown>>();

  /** Records `value` for `key`. */
  set<V>(f: Fact<V>, key: string, value: V): void {
    let m = this.maps.get(f);
    if (!m) this.maps.set(f, (m = new Map()));
    m.set(key, value);
  }

  /** Records that `key` holds. */
  add(f: Fact<true>, key: string): void {
    this.set(f, key, true);
  }

  /** Everything recorded for a fact. */
  get<V>(f: Fact<V>): ReadonlyMap<string, V> {
    return (this.maps.get(f) as Map<string, V> | undefined) ?? EMPTY;
  }
}

const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();
