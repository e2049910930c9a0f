import { kindPosition, objectOrder } from '../kinds/kind-lookup.js';
import type { KindName } from '../kinds/registry.js';
import type { HistoryRef } from '../model/history.js';
import type { ObjectKind } from '../model/objects.js';
import type { Change, DiffResult, Drift, UnmanagedObject } from './change.js';
import { compareText } from './sort-keys.js';

/** Output blocks, in registry order: object kinds as PostgreSQL needs them created, comments after them. */
export type Block = KindName;

const refKey = (ref: HistoryRef): string => `${ref.schema}\u0000${ref.parent ?? ''}\u0000${ref.name}`;

/**
 * Collects changes, unmanaged objects and drift, and returns them in a deterministic order:
 * block, then the key the change was filed under, then the order it was added in (a table's
 * own changes before its columns' and constraints'), whatever order the states were built in.
 */
export class DiffOutput {
  private readonly entries: { block: number; key: string; seq: number; change: Change }[] = [];
  private readonly unmanaged: UnmanagedObject[] = [];
  private readonly drift: Drift[] = [];

  /** Files a change under a block and a key (the object's, or its table's for table parts). */
  add(block: Block, key: string, change: Change): void {
    this.entries.push({ block: kindPosition(block), key, seq: this.entries.length, change });
  }

  /** Files a COMMENT ON change; comments come after every other change. */
  comment(change: Change & { readonly object: ObjectKind; readonly ref: HistoryRef; readonly args?: string }): void {
    const key = `${String(objectOrder().indexOf(change.object)).padStart(2, '0')}\u0000${refKey(change.ref)}\u0000${change.args ?? ''}`;
    this.add('comment', key, change);
  }

  /** Reports a live object no migration accounts for. */
  addUnmanaged(object: ObjectKind, ref: HistoryRef): void {
    this.unmanaged.push({ object, ref });
  }

  /** Reports a difference no change can resolve. */
  addDrift(drift: Drift): void {
    this.drift.push(drift);
  }

  /** The result, sorted. */
  result(): DiffResult {
    const order = objectOrder();
    const byKind = <T extends { object: ObjectKind; ref: HistoryRef }>(a: T, b: T): number =>
      order.indexOf(a.object) - order.indexOf(b.object) || compareText(refKey(a.ref), refKey(b.ref));
    const changes = [...this.entries]
      .sort((a, b) => a.block - b.block || compareText(a.key, b.key) || a.seq - b.seq)
      .map((e) => e.change);
    return {
      changes,
      unmanaged: [...this.unmanaged].sort(byKind),
      drift: [...this.drift].sort((a, b) => byKind(a, b) || compareText(a.message, b.message)),
    };
  }
}
