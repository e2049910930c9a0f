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
 * a cycle an item on it is taken as if ready (the first one reached from the smallest remaining
 * key through smallest waiting dependencies), so what only waits for the cycle still follows it, and
 * the result is always complete and deterministic.
 */
export function dependencyOrder<T>(entries: readonly (readonly [string, T])[], dependsOn: (item: T, key: string) => Iterable<string>): T[] {
  const sorted = [...entries].sort((x, y) => compareText(x[0], y[0]));
  const index = new Map(sorted.map(([k], i) => [k, i]));
  const waitingOn = sorted.map(() => 0);
  const dependents: number[][] = sorted.map(() => []);
  const dependencies = sorted.map(([key, item], i) => {
    const deps = new Set<number>();
    for (const d of dependsOn(item, key)) {
      const j = index.get(d);
      if (j !== undefined && j !== i) deps.add(j);
    }
    waitingOn[i] = deps.size;
    for (const j of deps) dependents[j]!.push(i);
    return [...deps].sort((a, b) => a - b);
  });
  // `ready` holds positions in key order, smallest last, so pop() takes the smallest key.
  const ready = sorted.map((_, i) => i).filter((i) => waitingOn[i] === 0).reverse();
  const done = sorted.map(() => false);
  const out: T[] = [];
  let cycleCursor = 0;
  while (out.length < sorted.length) {
    let i = ready.pop();
    if (i === undefined) {
      while (done[cycleCursor]) cycleCursor++;
      i = onCycle(cycleCursor, dependencies, done);
    }
    if (done[i]) continue;
    done[i] = true;
    out.push(sorted[i]![1]);
    for (const j of dependents[i]!) {
      if (--waitingOn[j]! === 0 && !done[j]) insertDescending(ready, j);
    }
  }
  return out;
}

/**
 * An item on a cycle, reached from `start` (which waits, as every item left does when none is
 * ready) by following each item's first dependency not yet done until one repeats.
 */
function onCycle(start: number, dependencies: readonly (readonly number[])[], done: readonly boolean[]): number {
  const seen = new Set<number>();
  let i = start;
  while (!seen.has(i)) {
    seen.add(i);
    i = dependencies[i]!.find((j) => !done[j])!;
  }
  return i;
}

/** Inserts into an array kept in descending order (binary search). */
function insertDescending(list: number[], value: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! > value) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, value);
}
