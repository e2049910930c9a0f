import type { ObjectKind, QualifiedName } from '../model/objects.js';
import { relationKey } from '../model/schema-state.js';
import type { DiffContext } from './diff-context.js';
import { pairObjects, type EarlierKey, type Pairing } from './pairing.js';
import { nameSpec, pastNames, type PastName } from './past-names.js';

/**
 * The helpers kinds' `match` steps pair target and live objects with (pairing.ts does the
 * pairing; these say which earlier names count), by key and through the history's renames.
 */

/** Objects by name (a table's columns and constraints). */
export const byName = <T extends { name: string }>(xs: readonly T[]): Map<string, T> => new Map(xs.map((x) => [x.name, x]));

/** An object's earlier names as keys of the live map (undefined: a name that cannot be a live key). */
export const earlierKeys = (names: readonly PastName[], key: (p: PastName) => string | undefined): EarlierKey[] =>
  names.flatMap((p) => {
    const k = key(p);
    return k === undefined ? [] : [{ key: k, until: p.until }];
  });

/**
 * Pairs a schema-level kind's objects (keyed by relationKey) through the history's renames of
 * them; a target object may reclaim a live object under an earlier name when the history dropped
 * an older object of its name. `table`: the table an object follows without being its part
 * (indexes, owned sequences: ALTER TABLE .. SET SCHEMA moves them).
 */
export function pairByName<T extends { schema: string; name: string }>(
  ctx: DiffContext,
  kind: ObjectKind,
  target: ReadonlyMap<string, T>,
  live: ReadonlyMap<string, T>,
  table?: (o: T) => string | undefined,
): Pairing<T> {
  return pairObjects(
    target,
    live,
    (_k, o) => earlierKeys(pastNames(ctx.history, nameSpec(kind, table?.(o)), { schema: o.schema, name: o.name }), (p) => relationKey(p.ref.schema, p.ref.name)),
    (_k, o) => ctx.drops.find(kind, { schema: o.schema, name: o.name }) !== undefined,
  );
}

/**
 * Pairs the parts (columns of a table, labels of an enum), keyed by name, of a paired owner
 * (`owner.target`, `owner.live`) through the history's renames of them and of the owner;
 * `reclaim`: a part may reclaim a live one of an earlier name the history dropped a part of its name for.
 */
export function pairParts<T>(
  ctx: DiffContext,
  kind: ObjectKind,
  owner: { readonly target: QualifiedName; readonly live: QualifiedName },
  target: ReadonlyMap<string, T>,
  live: ReadonlyMap<string, T>,
  reclaim: boolean,
): Pairing<T> {
  const t = owner.target;
  const l = owner.live;
  return pairObjects(
    target,
    live,
    (name) =>
      earlierKeys(pastNames(ctx.history, nameSpec(kind), { schema: t.schema, name, parent: t.name }), (n) =>
        n.ref.schema === l.schema && n.ref.parent === l.name ? n.ref.name : undefined,
      ),
    reclaim ? (name) => ctx.drops.find(kind, { schema: l.schema, name, parent: l.name }) !== undefined : undefined,
  );
}

/**
 * Pairs objects named per table without being a table's part in the state (triggers, policies:
 * keyed by `key`, e.g. triggerKey) through the history's renames of them and of their tables.
 */
export function pairPerTable<T extends { schema: string; name: string; table: string }>(
  ctx: DiffContext,
  kind: ObjectKind,
  target: ReadonlyMap<string, T>,
  live: ReadonlyMap<string, T>,
  key: (schema: string, table: string, name: string) => string,
): Pairing<T> {
  return pairObjects(
    target,
    live,
    (_k, o) =>
      earlierKeys(pastNames(ctx.history, nameSpec(kind), { schema: o.schema, name: o.name, parent: o.table }), (n) =>
        n.ref.parent === undefined ? undefined : key(n.ref.schema, n.ref.parent, n.ref.name),
      ),
    (_k, o) => ctx.drops.find(kind, { schema: o.schema, name: o.name, parent: o.table }) !== undefined,
  );
}
