import type { HistoryEvent, HistoryRef } from '../model/history.js';
import type { ObjectKind, QualifiedName } from '../model/objects.js';
import { objectSpecs } from '../kinds/kind-lookup.js';

/** Which history events move an object's name: its own kinds, its owner's kinds, its table's moves. */
export interface NameSpec {
  /** Event kinds that name the object itself (`view` and `materialized view` together). */
  readonly kinds: readonly ObjectKind[];
  /** Event kinds of the owner that `ref.parent` names (`table` for columns, `enum` for enum values). */
  readonly parentKinds?: readonly ObjectKind[];
  /**
   * The table the object belongs to without naming it in events (indexes, owned sequences):
   * `ALTER TABLE .. SET SCHEMA` moves them along, and the history records only the table's move.
   */
  readonly table?: string;
}

/** A name an object had, and the index of the history event that ended it (history length: still current). */
export interface PastName {
  readonly ref: HistoryRef;
  readonly until: number;
}

const sameName = (a: QualifiedName, b: QualifiedName): boolean => a.schema === b.schema && a.name === b.name;
const sameRef = (a: HistoryRef, b: HistoryRef): boolean => sameName(a, b) && a.parent === b.parent;

/**
 * The history's events with, per name, the positions of the events that mention it, so that
 * following one object's names back costs the events about those names, not the whole history.
 */
export class HistoryIndex {
  private readonly byName = new Map<string, number[]>();

  constructor(readonly events: readonly HistoryEvent[]) {
    events.forEach((e, i) => {
      // A type change moves no name: the name walks below never see one.
      if (e.event === 'retype' || e.event === 'add value') return;
      const refs = e.event === 'rename' ? [e.from, e.to] : [e.ref];
      const names = new Set(refs.flatMap((r) => (r.parent !== undefined ? [r.name, r.parent] : [r.name])));
      for (const n of names) {
        let list = this.byName.get(n);
        if (!list) this.byName.set(n, (list = []));
        list.push(i);
      }
    });
  }

  /** Position of the latest event before `before` that mentions one of the names (-1: none). */
  previous(before: number, names: readonly (string | undefined)[]): number {
    let best = -1;
    for (const n of names) {
      if (n === undefined) continue;
      const list = this.byName.get(n);
      if (!list) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]! < before) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0 && list[lo - 1]! > best) best = list[lo - 1]!;
    }
    return best;
  }
}

/**
 * The names an object had, newest first, walking the history backwards from event `before`
 * (exclusive). The walk stops where the name belonged to some other object: an event renamed
 * something away from it or dropped it (names are reused after renames and drops), for the
 * object itself, its owner or its table.
 */
export function pastNames(history: HistoryIndex, spec: NameSpec, ref: HistoryRef, before = history.events.length): PastName[] {
  let cur = ref;
  let table = spec.table;
  const out: PastName[] = [{ ref, until: before }];
  for (let i = history.previous(before, [cur.name, cur.parent, table, cur.schema]); i >= 0; i = history.previous(i, [cur.name, cur.parent, table, cur.schema])) {
    const e = history.events[i]!;
    if (e.event === 'retype' || e.event === 'add value') continue;
    if (e.event === 'drop' && e.object === 'schema' && e.ref.name === cur.schema) break;
    if (cur.parent !== undefined && spec.parentKinds?.includes(e.object)) {
      const owner = { schema: cur.schema, name: cur.parent };
      if (e.event === 'drop') {
        if (sameName(e.ref, owner)) break;
        continue;
      }
      if (sameName(e.from, owner)) break;
      if (sameName(e.to, owner)) {
        cur = { schema: e.from.schema, name: cur.name, parent: e.from.name };
        out.push({ ref: cur, until: i });
      }
      continue;
    }
    if (table !== undefined && e.object === 'table') {
      const owner = { schema: cur.schema, name: table };
      if (e.event === 'drop') {
        if (sameName(e.ref, owner)) break;
        continue;
      }
      if (sameName(e.from, owner)) break;
      if (sameName(e.to, owner)) {
        table = e.from.name;
        if (e.from.schema !== cur.schema) {
          cur = { ...cur, schema: e.from.schema };
          out.push({ ref: cur, until: i });
        }
      }
      continue;
    }
    if (!spec.kinds.includes(e.object)) continue;
    if (e.event === 'drop') {
      if (sameRef(e.ref, cur)) break;
      continue;
    }
    if (sameRef(e.from, cur)) break;
    if (sameRef(e.to, cur)) {
      cur = e.from;
      out.push({ ref: cur, until: i });
    }
  }
  return out;
}

/** How the history names objects of a kind (its ObjectSpec says); `table` is the owning table of indexes and owned sequences. */
export function nameSpec(kind: ObjectKind, table?: string): NameSpec {
  return objectSpecs()[kind].names(table);
}
