import type { HistoryRef } from '../model/history.js';
import { qualify } from '../model/names.js';
import type { ObjectKind } from '../model/objects.js';
import { objectSpecs } from './kind-lookup.js';

/** Display name of an object named by a history-style reference, as its kind spells it; `args` for a function overload. */
export function refName(object: ObjectKind, ref: HistoryRef, args?: string): string {
  // Only functions carry `args` (their identity arguments: overloads share a name).
  return args !== undefined && ref.parent === undefined ? `${qualify(ref)}(${args})` : objectSpecs()[object].displayName(ref);
}

/** Display name of what the object is grouped under: its table (or type) for parts, itself otherwise. */
export function refGroup(object: ObjectKind, ref: HistoryRef): string {
  return ref.parent !== undefined ? qualify({ schema: ref.schema, name: ref.parent }) : refName(object, ref);
}
