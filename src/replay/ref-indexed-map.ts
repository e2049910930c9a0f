/**
 * A Map that also indexes its entries by the keys `refs(value)` names (the table an index sits
 * on, the tables an FK references, ...), so "what refers to table X" is a lookup instead of a scan
 * of every object: replaying renames and drops over thousands of tables stays linear.
 */
export class RefIndexedMap<V> extends Map<string, V> {
  private byRef: Map<string, Set<string>> | undefined;
  private refsOf: ((value: V) => readonly string[]) | undefined;

  constructor(refs: (value: V) => readonly string[]) {
    super();
    this.refsOf = refs;
    this.byRef = new Map();
  }

  override set(key: string, value: V): this {
    const old = super.get(key);
    if (old !== undefined) this.unlink(key, old);
    super.set(key, value);
    this.link(key, value);
    return this;
  }

  override delete(key: string): boolean {
    const old = super.get(key);
    if (old !== undefined) this.unlink(key, old);
    return super.delete(key);
  }

  override clear(): void {
    super.clear();
    this.byRef?.clear();
  }

  /** Keys of the entries whose refs include `ref` (a snapshot: safe to modify the map while iterating). */
  referencing(ref: string): string[] {
    const keys = this.byRef?.get(ref);
    return keys ? [...keys] : [];
  }

  /** Entries whose refs include `ref`, as [key, value] pairs (a snapshot). */
  entriesReferencing(ref: string): [string, V][] {
    return this.referencing(ref).map((k) => [k, super.get(k)!]);
  }

  private link(key: string, value: V): void {
    for (const r of this.refsOf!(value)) {
      let keys = this.byRef!.get(r);
      if (!keys) this.byRef!.set(r, (keys = new Set()));
      keys.add(key);
    }
  }

  private unlink(key: string, value: V): void {
    for (const r of this.refsOf!(value)) this.byRef!.get(r)?.delete(key);
  }
}
