/**
 * Code-unit string order: locale-independent, so the same state prints the same on every machine
 * (localeCompare would depend on ICU data and the process locale).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A map's values sorted by key: the order every collection of a state is printed in. */
export function valuesByKey<T>(map: ReadonlyMap<string, T>): T[] {
  return [...map.entries()].sort((x, y) => compareText(x[0], y[0])).map(([, v]) => v);
}

/** A map's entries sorted by key. */
export function entriesByKey<T>(map: ReadonlyMap<string, T>): [string, T][] {
  return [...map.entries()].sort((x, y) => compareText(x[0], y[0]));
}

/**
 * Orders keyed items so each comes after the items it depends on, otherwise by key (Kahn's
 * algorithm, always taking the smallest ready key). Dependencies on unknown keys are ignored; on
 * a cycle the smallest remaining key is taken as if ready, so the result is always complete and
 * deterministic.
 */
export function dependencyOrder<T>(entries: readonly (readonly [string, T])[], dependsOn: (item: T, key: string) => Iterable<string>): T[] {
  const sorted = [...entries].sort((x, y) => compareText(x[0], y[0]));
  const known = new Set(sorted.map(([k]) => k));
  const pending = new Map<string, Set<string>>();
  for (const [key, item] of sorted) {
    const deps = new Set<string>();
    for (const d of dependsOn(item, key)) if (d !== key && known.has(d)) deps.add(d);
    pending.set(key, deps);
  }
  const out: T[] = [];
  const done = new Set<string>();
  while (out.length < sorted.length) {
    const remaining = sorted.filter(([k]) => !done.has(k));
    const next = remaining.find(([k]) => [...pending.get(k)!].every((d) => done.has(d))) ?? remaining[0]!;
    done.add(next[0]);
    out.push(next[1]);
  }
  return out;
}
