import type { HistoryEvent, HistoryRef } from '../model/history.js';
import type { ObjectKind } from '../model/objects.js';
import type { Change } from './change.js';
import { originField } from './make-change.js';
import { HistoryIndex, nameSpec, pastNames } from './past-names.js';

const refKey = (kind: ObjectKind, r: HistoryRef): string =>
  JSON.stringify([kind === 'materialized view' ? 'view' : kind, r.schema, r.parent ?? null, r.name]);

/**
 * Renames and added enum labels cite the statement that made them, not the object's creation: a
 * constraint created in revision 1 and renamed in revision 9 is renamed "because of" revision 9.
 * The latest rename to the change's new name, the ADD VALUE of the label (under any name its enum had).
 */
export function withEventOrigins(changes: readonly Change[], history: readonly HistoryEvent[]): Change[] {
  if (!history.length) return [...changes];
  const renames = new Map<string, HistoryEvent>();
  const added = new Map<string, HistoryEvent>();
  for (const e of history) {
    if (e.event === 'rename') renames.set(refKey(e.object, e.to), e);
    else if (e.event === 'add value') added.set(refKey('enum value', e.ref), e);
  }
  let index: HistoryIndex | undefined;
  return changes.map((c) => {
    let e: HistoryEvent | undefined;
    if (c.kind === 'rename') e = renames.get(refKey(c.object, c.to));
    else if (c.kind === 'addEnumValue' && added.size) {
      index ??= new HistoryIndex(history);
      for (const n of pastNames(index, nameSpec('enum'), c.enum)) {
        e = added.get(refKey('enum value', { schema: n.ref.schema, name: c.value, parent: n.ref.name }));
        if (e) break;
      }
    }
    return e?.origin ? { ...c, ...originField(e.origin) } : c;
  });
}
