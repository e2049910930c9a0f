import type { DropEvent, HistoryRef } from '../model/history.js';
import type { ObjectKind, QualifiedName } from '../model/objects.js';
import type { Origin } from '../model/origin.js';
import { relationKey, type SchemaState } from '../model/schema-state.js';
import { kinds, objectSpecs, ownedFields } from '../kinds/kind-lookup.js';
import { drop } from '../kinds/drop/drop-change.js';
import { setComment } from '../kinds/comment/comment-change.js';
import { NEVER_COMPARED, sameValue } from './same-value.js';
import { DiffOutput, type Block } from './diff-output.js';
import { HistoryDrops } from './history-drops.js';
import type { Change } from './change.js';
import { LiveNames } from './live-names.js';
import type { Pairing } from './pairing.js';
import { HistoryIndex } from './past-names.js';
import { pendingSchemaRenames, type SchemaRename } from './schema-renames.js';

/** How the diff treats live objects the target lacks. */
export interface DiffOptions {
  /**
   * The migrations are a complete declaration of the schemas compared: a live object they do not
   * declare is dropped (default: it is unmanaged, reported and left alone, as Alembic histories
   * manage only what they mention).
   */
  readonly declaration?: boolean;
  /** The schemas compared (`--schema`; empty or absent: the whole database). */
  readonly schemas?: readonly string[];
  /**
   * Owners the history set (`ALTER ... OWNER TO`) are planned too (`--owners`); off by default
   * because deploy roles differ between environments. The live state must have been read with owners.
   */
  readonly owners?: boolean;
}

let notCompared: ReadonlySet<string> | undefined;

/** Attributes never compared by the diff: provenance, names (matched already), comments (diffed apart), fields another kind owns. */
function NOT_COMPARED(): ReadonlySet<string> {
  return (notCompared ??= new Set([...NEVER_COMPARED, 'name', 'schema', 'comment', ...ownedFields()]));
}

/**
 * Do two objects differ in anything but the named attributes? Structural (sameValue), so
 * property order and `undefined` fields do not count.
 */
export function differs(target: object, live: object, ignore: readonly string[] = []): boolean {
  return !sameValue(target, live, ignore.length ? notComparedWith(ignore) : NOT_COMPARED());
}

const withIgnored = new Map<string, ReadonlySet<string>>();

/** NOT_COMPARED plus `ignore`, built once per list (differs runs for every constraint of a diff). */
function notComparedWith(ignore: readonly string[]): ReadonlySet<string> {
  const k = ignore.join('\0');
  let set = withIgnored.get(k);
  if (!set) withIgnored.set(k, (set = new Set([...NOT_COMPARED(), ...ignore])));
  return set;
}

/** The attributes two objects differ in (the same comparison as `differs`), in name order. */
export function differingAttributes(target: object, live: object): string[] {
  const t = target as Record<string, unknown>;
  const l = live as Record<string, unknown>;
  const skip = NOT_COMPARED();
  const keys = [...new Set([...Object.keys(t), ...Object.keys(l)])].filter((k) => !skip.has(k)).sort();
  return keys.filter((k) => !sameValue(t[k], l[k], skip));
}

/**
 * Something a kind module computes once per diff and other kinds read (its pairing of target and
 * live objects, a lookup built from it), declared by that kind: the context never names one.
 */
export interface Slot<T> {
  readonly name: string;
  /** Type-only: the value stored. */
  readonly value?: T;
}

/** Declares a slot. */
export function slot<T>(name: string): Slot<T> {
  return { name };
}

/**
 * What every per-kind step of the diff shares: both states, the history (its names and drops),
 * the kinds' pairings (each kind's `match` runs, in registry order, before any diff step), the
 * live objects under target names, and the output. Also answers what becomes of live-only objects,
 * since one kind's fate decides another's (a dropped column takes its indexes along; a dropped
 * table's FKs elsewhere must go first); the kinds' own rules are in their ObjectSpecs.
 */
export class DiffContext {
  readonly drops: HistoryDrops;
  readonly history: HistoryIndex;
  /** Live objects under target names: the renames the kinds' pairings found. */
  readonly names = new LiveNames();
  readonly out = new DiffOutput();
  /** Live columns (live names) whose type the diff changes: views using them must be rebuilt around it. */
  readonly retypedColumns: { readonly schema: string; readonly relation: string; readonly column?: string }[] = [];
  private readonly slots = new Map<Slot<unknown>, unknown>();
  /** Live relations (relationKey: tables, views) the target lacks. */
  private readonly goneRelations = new Set<string>();

  /** Drops of objects the migrations never declare (DiffOptions.declaration), as opposed to drops the history wrote. */
  private readonly undeclaredDrops = new WeakSet<DropEvent>();

  /** The target state; its history names renamed schemas by their new names (see pendingSchemaRenames). */
  readonly target: SchemaState;
  /** The live state, with the schema renames the history made and it lacks applied. */
  readonly live: SchemaState;
  /** The schema renames the live database lacks: the schema kind plans them (ALTER SCHEMA .. RENAME). */
  readonly schemaRenames: readonly SchemaRename[];

  constructor(
    target: SchemaState,
    live: SchemaState,
    readonly opts: DiffOptions = {},
  ) {
    const written = new HistoryIndex(target.history);
    const moved = pendingSchemaRenames(target, live, written);
    this.target = moved.target;
    this.live = moved.live;
    this.schemaRenames = moved.renames;
    const history = moved.renames.length ? new HistoryIndex(moved.target.history) : written;
    this.history = history;
    this.drops = new HistoryDrops(history);
    for (const k of kinds()) k.match?.(this);
  }

  /** Stores what a kind's `match` computed (its pairing). */
  setMatched<T>(s: Slot<T>, value: T): void {
    this.slots.set(s, value);
  }

  /** What a kind's `match` stored; a kind reading one registered after it is a bug. */
  matched<T>(s: Slot<T>): T {
    if (!this.slots.has(s)) throw new Error(`internal: ${s.name} read before its kind matched them (registry order)`);
    return this.slots.get(s) as T;
  }

  /** A value computed once per diff, on first use. */
  memo<T>(s: Slot<T>, compute: () => T): T {
    if (!this.slots.has(s)) this.slots.set(s, compute());
    return this.slots.get(s) as T;
  }

  /** Records the live-only objects of a pairing of relations (pg_class: tables, views): their parts go with them. */
  relationsGo(pairing: Pairing<unknown>): void {
    for (const o of pairing.liveOnly) this.goneRelations.add(o.key);
  }

  /** Is a live relation (table or view, live name) absent from the target: dropped or unmanaged, with its parts? */
  relationGoes(ref: QualifiedName): boolean {
    return this.goneRelations.has(relationKey(ref.schema, ref.name));
  }

  /**
   * The history event that drops a live-only object: a drop under one of its names, or the drop
   * of its schema (with CASCADE) when the target has no such schema, or for a part of a table
   * (column, constraint, trigger: ObjectSpec.droppedWithParent), the drop of a table of that name:
   * the history dropped the table with it and created a new one under the same name, which the
   * live table is paired with (prefect dropped `worker` and created it again with `work_pool_id`
   * for `worker_pool_id`). Under DiffOptions.declaration, any other live-only object is dropped
   * too (see `undeclared`). Undefined: unmanaged.
   */
  pendingDrop(kind: ObjectKind, ref: HistoryRef): DropEvent | undefined {
    return this.historyDrop(kind, ref) ?? this.undeclared(kind, ref);
  }

  /** The history event that drops a live-only object (pendingDrop without the declaration). */
  historyDrop(kind: ObjectKind, ref: HistoryRef): DropEvent | undefined {
    const direct = this.drops.find(kind, ref);
    const spec = objectSpecs()[kind];
    if (direct || spec.databaseLevel) return direct;
    if (ref.parent !== undefined && spec.droppedWithParent && spec.parent !== undefined) {
      const parent = this.drops.find(spec.parent, { schema: ref.schema, name: ref.parent });
      if (parent) return parent;
    }
    return this.target.schemas.has(ref.schema) ? undefined : this.drops.schema(ref.schema);
  }

  /**
   * Under a complete declaration, a live object the migrations do not declare is dropped, unless
   * its kind keeps it (ObjectSpec.keptUndeclared: the `public` schema; an extension when the
   * comparison covers only some schemas). plpgsql is never read from the catalog.
   */
  private undeclared(kind: ObjectKind, ref: HistoryRef): DropEvent | undefined {
    if (!this.opts.declaration) return undefined;
    if (objectSpecs()[kind].keptUndeclared?.(ref, this.opts)) return undefined;
    const ev: DropEvent = { event: 'drop', object: kind, ref };
    this.undeclaredDrops.add(ev);
    return ev;
  }

  /** The drop change for a live-only object and the event that drops it (from the history, or undeclared). */
  dropChange(kind: ObjectKind, ref: HistoryRef, ev: DropEvent, args?: string): Change {
    return drop(kind, ref, this.undeclaredDrops.has(ev) ? 'undeclared' : 'history', ev.origin, args);
  }

  /** Emits COMMENT ON when the target's comment differs from the live one (`live` undefined: a new object). */
  comment(object: ObjectKind, ref: HistoryRef, target: string | undefined, live: string | undefined, origin: Origin | undefined, args?: string): void {
    if ((target ?? null) === (live ?? null)) return;
    this.out.comment(setComment(object, ref, target ?? null, origin, args));
  }

  /**
   * A live-only object named per table (trigger, policy, rule): nothing when its table goes (it
   * goes along); else dropped where the history drops it (or `extra`, another event that took it
   * along), under its table's target name, or reported unmanaged. `adjust` sets the drop's safety.
   */
  liveOnlyPart(
    block: Block,
    kind: ObjectKind,
    key: string,
    live: { readonly schema: string; readonly table: string; readonly name: string },
    extra?: DropEvent,
    adjust: (c: Change) => Change = (c) => c,
  ): void {
    const table = { schema: live.schema, name: live.table };
    if (this.relationGoes(table)) return;
    const to = this.names.relation(table);
    const r = { schema: to.schema, name: live.name, parent: to.name };
    const ev = this.pendingDrop(kind, { schema: live.schema, name: live.name, parent: live.table }) ?? extra;
    if (ev) this.out.add(block, key, adjust(this.dropChange(kind, r, ev)));
    else this.out.addUnmanaged(kind, r);
  }

  /**
   * Live-only objects of a top-level kind: a drop where the history dropped them, unmanaged
   * otherwise; `skip` says an object goes along with something else (its table, its column).
   */
  liveOnly<T extends { schema: string; name: string }>(
    block: Block,
    pairing: Pairing<T>,
    kind: (o: T) => ObjectKind,
    skip: (o: T) => boolean = () => false,
    args?: (o: T) => string,
  ): void {
    for (const { key, live } of pairing.liveOnly) {
      if (skip(live)) continue;
      const ref = { schema: live.schema, name: live.name };
      const ev = this.pendingDrop(kind(live), ref);
      if (ev) this.out.add(block, key, this.dropChange(kind(live), ref, ev, args?.(live)));
      else this.out.addUnmanaged(kind(live), ref);
    }
  }
}
