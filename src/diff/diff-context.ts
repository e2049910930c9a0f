import type { DropEvent, HistoryRef } from '../model/history.js';
import type { ObjectKind, QualifiedName } from '../model/objects.js';
import type { Origin } from '../model/origin.js';
import { relationKey, type SchemaState } from '../model/schema-state.js';
import { NEVER_COMPARED, sameValue } from './same-value.js';
import { DiffOutput, type Block } from './diff-output.js';
import { PRIVILEGE_FIELDS } from './privilege-fields.js';
import { HistoryDrops } from './history-drops.js';
import * as make from './make-change.js';
import type { Change } from './change.js';
import { matchStates, type Matching } from './match-states.js';
import type { Pairing } from './pairing.js';
import { HistoryIndex, nameSpec, pastNames } from './past-names.js';
import { RetypeIndex } from './retype-path.js';

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

/** Attributes never compared by the diff: provenance, names (matched already), comments (diffed apart). */
const NOT_COMPARED = new Set([...NEVER_COMPARED, 'name', 'schema', 'comment', ...PRIVILEGE_FIELDS]);

/**
 * Do two objects differ in anything but the named attributes? Structural (sameValue), so
 * property order and `undefined` fields do not count.
 */
export function differs(target: object, live: object, ignore: readonly string[] = []): boolean {
  const skip = ignore.length ? new Set([...NOT_COMPARED, ...ignore]) : NOT_COMPARED;
  return !sameValue(target, live, skip);
}

/** The attributes two objects differ in (the same comparison as `differs`), in name order. */
export function differingAttributes(target: object, live: object): string[] {
  const t = target as Record<string, unknown>;
  const l = live as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(t), ...Object.keys(l)])].filter((k) => !NOT_COMPARED.has(k)).sort();
  return keys.filter((k) => !sameValue(t[k], l[k], NOT_COMPARED));
}

/**
 * What every per-kind step of the diff shares: both states, the pairing, the history's drops
 * and the output. Also answers what becomes of live-only objects, since one kind's fate decides
 * another's (a dropped column takes its indexes along; a dropped table's FKs elsewhere must go first).
 */
export class DiffContext {
  readonly drops: HistoryDrops;
  readonly history: HistoryIndex;
  readonly m: Matching;
  /** The history's column type changes, to convert a live column the way the history did. */
  readonly retypes: RetypeIndex;
  readonly out = new DiffOutput();
  /** Live key of each paired table -> its pairing's target key. */
  private readonly liveTables = new Map<string, string>();
  /** Live columns (live names) whose type the diff changes: views using them must be rebuilt around it. */
  readonly retypedColumns: { readonly schema: string; readonly relation: string; readonly column?: string }[] = [];
  private readonly liveOnlyTables = new Set<string>();
  private readonly liveOnlyViews = new Set<string>();

  /** Drops of objects the migrations never declare (DiffOptions.declaration), as opposed to drops the history wrote. */
  private readonly undeclaredDrops = new WeakSet<DropEvent>();

  constructor(
    readonly target: SchemaState,
    readonly live: SchemaState,
    readonly opts: DiffOptions = {},
  ) {
    const history = new HistoryIndex(target.history);
    this.history = history;
    this.drops = new HistoryDrops(history);
    this.retypes = new RetypeIndex(history);
    this.m = matchStates(target, live, history, this.drops);
    for (const p of this.m.tables.pairs) this.liveTables.set(p.liveKey, p.key);
    for (const o of this.m.tables.liveOnly) this.liveOnlyTables.add(o.key);
    for (const o of this.m.views.liveOnly) this.liveOnlyViews.add(o.key);
  }

  /**
   * The history event that drops a live-only object: a drop under one of its names, or the drop
   * of its schema (with CASCADE) when the target has no such schema, or for a part of a table
   * (column, constraint, trigger), the drop of a table of that name: the history dropped the
   * table with it and created a new one under the same name, which the live table is paired with
   * (prefect dropped `worker` and created it again with `work_pool_id` for `worker_pool_id`).
   * Under DiffOptions.declaration, any other live-only object is dropped too (see `undeclared`).
   * Undefined: unmanaged.
   */
  pendingDrop(kind: ObjectKind, ref: HistoryRef): DropEvent | undefined {
    return this.historyDrop(kind, ref) ?? this.undeclared(kind, ref);
  }

  /** The history event that drops a live-only object (pendingDrop without the declaration). */
  private historyDrop(kind: ObjectKind, ref: HistoryRef): DropEvent | undefined {
    const direct = this.drops.find(kind, ref);
    if (direct || kind === 'schema' || kind === 'extension') return direct;
    if (ref.parent !== undefined && (kind === 'column' || kind === 'constraint' || kind === 'trigger')) {
      const table = this.drops.find('table', { schema: ref.schema, name: ref.parent });
      if (table) return table;
    }
    return this.target.schemas.has(ref.schema) ? undefined : this.drops.schema(ref.schema);
  }

  /**
   * Under a complete declaration, a live object the migrations do not declare is dropped: never
   * the `public` schema (every database has it, and other tools put objects there), and never an
   * extension when the comparison covers only some schemas (`--schema`): an extension belongs to
   * the whole database, beyond the declared schemas. plpgsql is never read from the catalog.
   */
  private undeclared(kind: ObjectKind, ref: HistoryRef): DropEvent | undefined {
    if (!this.opts.declaration) return undefined;
    if (kind === 'schema' && ref.name === 'public') return undefined;
    if (kind === 'extension' && this.opts.schemas?.length) return undefined;
    const ev: DropEvent = { event: 'drop', object: kind, ref };
    this.undeclaredDrops.add(ev);
    return ev;
  }

  /** The drop change for a live-only object and the event that drops it (from the history, or undeclared). */
  dropChange(kind: ObjectKind, ref: HistoryRef, ev: DropEvent, args?: string): Change {
    return make.drop(kind, ref, this.undeclaredDrops.has(ev) ? 'undeclared' : 'history', ev.origin, args);
  }

  /** Is a live relation (table or view, live name) absent from the target: dropped or unmanaged, with its parts? */
  relationGoes(ref: QualifiedName): boolean {
    const k = relationKey(ref.schema, ref.name);
    return this.liveOnlyTables.has(k) || this.liveOnlyViews.has(k);
  }

  /** The history drop of a live-only table (live name), if it is one. */
  tableDrop(ref: QualifiedName): DropEvent | undefined {
    return this.liveOnlyTables.has(relationKey(ref.schema, ref.name)) ? this.pendingDrop('table', ref) : undefined;
  }

  /** The history drop of a live-only enum (by its type text, as columns spell it), if it is one. */
  enumDrop(typeText: string): DropEvent | undefined {
    const key = typeText.replace(/\[\]$/, '');
    const e = this.m.enums.liveOnly.find((o) => o.key === key);
    return e ? this.pendingDrop('enum', { schema: e.live.schema, name: e.live.name }) : undefined;
  }

  /** The history drop of a live-only function (any overload of the name), if it is one. */
  functionDrop(fn: QualifiedName): DropEvent | undefined {
    for (const o of this.m.functions.liveOnly) {
      if (o.live.schema !== fn.schema || o.live.name !== fn.name) continue;
      const ev = this.pendingDrop('function', { schema: fn.schema, name: fn.name });
      if (ev) return ev;
    }
    return undefined;
  }

  /**
   * The history drop of a column of a paired live table (live names): a drop under one of its
   * names, or the drop of its enum type (DROP TYPE .. CASCADE drops the columns using it).
   */
  columnDrop(table: QualifiedName, column: string): DropEvent | undefined {
    const key = this.liveTables.get(relationKey(table.schema, table.name));
    if (key === undefined) return undefined;
    const col = this.m.columns.get(key)?.liveOnly.find((o) => o.key === column);
    if (!col) return undefined;
    return this.pendingDrop('column', { schema: table.schema, name: column, parent: table.name }) ?? this.enumDrop(col.live.type) ?? this.droppedUnderEarlierTableName(key, column);
  }

  /**
   * A history drop of a column under an earlier name of its (paired) table: a live table this tool
   * already renamed keeps an old-generation column the history dropped under the old table name.
   */
  private droppedUnderEarlierTableName(tableKey: string, column: string): DropEvent | undefined {
    const t = this.target.tables.get(tableKey);
    if (!t) return undefined;
    for (const p of pastNames(this.history, nameSpec('table'), { schema: t.schema, name: t.name })) {
      const ev = this.pendingDrop('column', { schema: p.ref.schema, name: column, parent: p.ref.name });
      if (ev) return ev;
    }
    return undefined;
  }

  /**
   * Target-named columns (`relationKey.column`) that must be dropped and re-added: the live
   * column of that name is an older generation the history dropped (its type differs).
   */
  get replacedColumns(): ReadonlySet<string> {
    if (this.replaced) return this.replaced;
    const out = new Set<string>();
    for (const p of this.m.tables.pairs) {
      const cols = this.m.columns.get(p.key);
      for (const c of cols?.pairs ?? []) {
        if (c.target.type !== c.live.type && this.columnEverDropped(p.live, c.liveKey, { schema: p.target.schema, name: c.key, parent: p.target.name })) {
          out.add(`${p.key}.${c.key}`);
        }
      }
    }
    return (this.replaced = out);
  }
  private replaced: Set<string> | undefined;

  /** Does a (target) constraint depend on a column being replaced, on its table or, for FKs, the referenced one? */
  constraintOnReplacedColumn(table: QualifiedName, c: { type: string; columns?: readonly string[]; references?: { table: QualifiedName; columns: readonly string[] } }): boolean {
    const set = this.replacedColumns;
    if (!set.size) return false;
    const tk = relationKey(table.schema, table.name);
    if ((c.columns ?? []).some((col) => set.has(`${tk}.${col}`))) return true;
    if (c.references) {
      const rk = relationKey(c.references.table.schema, c.references.table.name);
      if (c.references.columns.some((col) => set.has(`${rk}.${col}`))) return true;
    }
    return false;
  }

  /**
   * Did the history ever drop a column of this name from this (live) table, or, given the target
   * column, from the table under any name the target column has had (a live table this tool
   * already renamed no longer carries the name the history dropped the old column under)?
   */
  columnEverDropped(table: QualifiedName, column: string, target?: HistoryRef): boolean {
    if (this.historyDrop('column', { schema: table.schema, name: column, parent: table.name }) !== undefined) return true;
    return target !== undefined && pastNames(this.history, nameSpec('column'), target).some((p) => this.drops.find('column', p.ref) !== undefined);
  }

  /** Live-only columns of a paired live table that the history drops (live names). */
  droppedColumns(table: QualifiedName): string[] {
    const key = this.liveTables.get(relationKey(table.schema, table.name));
    const cols = key === undefined ? [] : (this.m.columns.get(key)?.liveOnly ?? []);
    return cols.map((c) => c.key).filter((c) => this.columnDrop(table, c) !== undefined);
  }

  /** Target key of the pairing a live table belongs to, if paired. */
  pairedTableKey(table: QualifiedName): string | undefined {
    return this.liveTables.get(relationKey(table.schema, table.name));
  }

  /** Emits COMMENT ON when the target's comment differs from the live one (`live` undefined: a new object). */
  comment(object: ObjectKind, ref: HistoryRef, target: string | undefined, live: string | undefined, origin: Origin | undefined, args?: string): void {
    if ((target ?? null) === (live ?? null)) return;
    this.out.comment(make.setComment(object, ref, target ?? null, origin, args));
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
    const to = this.m.names.relation(table);
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
