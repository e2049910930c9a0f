import type { HistoryEvent, HistoryRef } from '../model/history.js';
import { movedSchemaState } from '../model/move-schema.js';
import type { Origin } from '../model/origin.js';
import type { SchemaState } from '../model/schema-state.js';
import { renameSchemaInNames, schemaTextRename } from '../parse/index.js';
import { pairObjects } from './pairing.js';
import { nameSpec, pastNames, type HistoryIndex, type PastName } from './past-names.js';

/** A schema the history renamed that the live database has under an earlier name. */
export interface SchemaRename {
  readonly from: string;
  readonly to: string;
  readonly origin?: Origin;
}

/**
 * The live state after the schema renames, each applied once its new name is free (a chain
 * `b -> c` after `a -> b` is applied c first); renames that cannot be ordered (a cycle) are left
 * out. The plan applies the diff's renames the same way, so its builders see what the diff saw.
 */
export function withSchemaRenames(live: SchemaState, renames: readonly SchemaRename[]): { readonly live: SchemaState; readonly applied: SchemaRename[] } {
  let state = live;
  const pending = [...renames];
  const applied: SchemaRename[] = [];
  for (;;) {
    const i = pending.findIndex((r) => state.schemas.has(r.from) && !state.schemas.has(r.to));
    if (i < 0) break;
    const r = pending.splice(i, 1)[0]!;
    state = { ...state, ...movedSchemaState(state, schemaTextRename(r.from, r.to)) };
    applied.push(r);
  }
  return { live: state, applied };
}

/** An event with its references (and type texts) in schema `from` named in `to`; schema events are left as they are. */
function movedEvent(e: HistoryEvent, from: string, to: string): HistoryEvent {
  if (e.object === 'schema') return e;
  const ref = (r: HistoryRef): HistoryRef => (r.schema === from ? { ...r, schema: to } : r);
  switch (e.event) {
    case 'rename':
      return { ...e, from: ref(e.from), to: ref(e.to) };
    case 'retype':
      return { ...e, ref: ref(e.ref), from: renameSchemaInNames(e.from, from, to), to: renameSchemaInNames(e.to, from, to) };
    default:
      return { ...e, ref: ref(e.ref) };
  }
}

/**
 * The history as if each renamed schema had always had its final name while the live database
 * could still be at a revision using an earlier one: events naming the schema under an earlier
 * name, while it had that name, name it under the new one. With the live state renamed too
 * (withSchemaRenames), every other kind pairs its objects through the history as usual.
 */
function historyAfter(history: HistoryIndex, renames: readonly { readonly rename: SchemaRename; readonly names: readonly PastName[] }[]): HistoryEvent[] {
  const events = [...history.events];
  for (const { rename, names } of renames) {
    const last = names.findIndex((p) => p.ref.name === rename.from);
    for (let j = 1; j <= last; j++) {
      const start = names[j + 1]?.until ?? 0;
      for (let i = start; i < names[j]!.until; i++) events[i] = movedEvent(events[i]!, names[j]!.ref.name, rename.to);
    }
  }
  return events;
}

/**
 * The schema renames a live database behind the history lacks (the target's schema is live
 * under a name the history renamed it away from), and both states as the rest of the diff sees
 * them: the live one with the renames applied, the target's history naming the schemas as the
 * renamed live database does. A rename planned this way keeps every object of the schema and
 * its data (a drop and create would not).
 */
export function pendingSchemaRenames(target: SchemaState, live: SchemaState, history: HistoryIndex): { readonly target: SchemaState; readonly live: SchemaState; readonly renames: readonly SchemaRename[] } {
  if (!history.events.some((e) => e.event === 'rename' && e.object === 'schema')) return { target, live, renames: [] };
  const namesOf = (name: string): PastName[] => pastNames(history, nameSpec('schema'), { schema: name, name });
  const pairing = pairObjects(target.schemas, live.schemas, (key) => namesOf(key).map((p) => ({ key: p.ref.name, until: p.until })));
  const found = pairing.pairs
    .filter((p) => p.renamed)
    .map((p) => ({ from: p.liveKey, to: p.key, ...(p.target.origin ? { origin: p.target.origin } : {}) }));
  const { live: moved, applied } = withSchemaRenames(live, found);
  if (!applied.length) return { target, live, renames: [] };
  const events = historyAfter(history, applied.map((rename) => ({ rename, names: namesOf(rename.to) })));
  return { target: { ...target, history: events }, live: moved, renames: applied };
}
