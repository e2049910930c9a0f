import { changeSpec, objectSpecs } from '../kinds/kind-lookup.js';
import type { HistoryEvents } from '../kinds/kind-module.js';
import type { HistoryEvent, HistoryRef } from '../model/history.js';
import type { ObjectKind } from '../model/objects.js';
import type { Change } from './change.js';
import { originField } from './make-change.js';
import { HistoryIndex } from './past-names.js';

/** Key of an object by its name space (views and materialized views share one) and reference. */
const refKey = (kind: ObjectKind, r: HistoryRef): string =>
  JSON.stringify([objectSpecs()[kind].names().kinds[0] ?? kind, r.schema, r.parent ?? null, r.name]);

const labelKey = (r: HistoryRef): string => JSON.stringify([r.schema, r.parent ?? null, r.name]);

/**
 * Renames and added enum labels cite the statement that made them, not the object's creation: a
 * constraint created in revision 1 and renamed in revision 9 is renamed "because of" revision 9.
 * Each change kind says which event it cites (ChangeSpec.eventOrigin).
 */
export function withEventOrigins(changes: readonly Change[], history: readonly HistoryEvent[]): Change[] {
  if (!history.length) return [...changes];
  const renames = new Map<string, HistoryEvent>();
  const added = new Map<string, HistoryEvent>();
  for (const e of history) {
    if (e.event === 'rename') renames.set(refKey(e.object, e.to), e);
    else if (e.event === 'add value') added.set(labelKey(e.ref), e);
  }
  let index: HistoryIndex | undefined;
  const events: HistoryEvents = {
    renamedTo: (object, ref) => renames.get(refKey(object, ref)),
    added: (ref) => (added.size ? added.get(labelKey(ref)) : undefined),
    index: () => (index ??= new HistoryIndex(history)),
  };
  return changes.map((c) => {
    const e = (changeSpec(c.kind).eventOrigin as ((c: Change, ev: HistoryEvents) => HistoryEvent | undefined) | undefined)?.(c, events);
    return e?.origin ? { ...c, ...originField(e.origin) } : c;
  });
}
