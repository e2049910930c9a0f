import type { Change } from '../diff/change.js';
import { changeSpec, kinds, objectSpecs } from '../kinds/kind-lookup.js';
import type { HistoryRef } from '../model/history.js';
import type { ObjectKind } from '../model/objects.js';
import type { SchemaState } from '../model/schema-state.js';
import { fact, PlanFacts, type Fact } from './plan-facts.js';
import type { PlanOptions } from './types.js';

/** What the per-change SQL builders may know about the rest of the diff and the live database. */
export interface PlanContext {
  readonly live: SchemaState;
  readonly opts: PlanOptions;
  /** What the kinds' scans recorded about the diff's changes and the live database (see PlanFacts). */
  fact<V>(f: Fact<V>): ReadonlyMap<string, V>;
  /**
   * The live name of an object the diff names after its renames (a column of a renamed table by
   * the table's new name), to find what a drop removes in the live state.
   */
  liveRef(object: ObjectKind, ref: HistoryRef): HistoryRef;
}

/** Key of an object as a history reference names it (an overload with `args`), for facts about objects. */
export function objectFactKey(object: ObjectKind, ref: HistoryRef, args?: string): string {
  return JSON.stringify([object, ref.schema, ref.parent ?? null, ref.name, ...(args !== undefined ? [args] : [])]);
}

/** The name an object had before a `rename` change of the diff (by its new name: objectFactKey). */
export const RENAMED_FROM = fact<HistoryRef>('renamed from');

/** Scans the diff once, and the live database, for what the builders need to know about other changes. */
export function planContext(changes: readonly Change[], live: SchemaState, opts: PlanOptions): PlanContext {
  const facts = new PlanFacts();
  for (const c of changes) (changeSpec(c.kind).scan as ((c: Change, f: PlanFacts) => void) | undefined)?.(c, facts);
  for (const k of kinds()) k.scanLive?.(live, facts);
  const renamedFrom = facts.get(RENAMED_FROM);
  const liveRef = (object: ObjectKind, ref: HistoryRef): HistoryRef => {
    const own = renamedFrom.get(objectFactKey(object, ref));
    let out: HistoryRef = own ? { ...ref, name: own.name, ...(own.parent === undefined ? { schema: own.schema } : {}) } : ref;
    const parent = objectSpecs()[object].parent;
    if (ref.parent !== undefined && parent !== undefined) {
      const container = renamedFrom.get(objectFactKey(parent, { schema: ref.schema, name: ref.parent }));
      if (container) out = { ...out, schema: container.schema, parent: container.name };
    }
    return out;
  };
  return { live, opts, fact: (f) => facts.get(f), liveRef };
}
