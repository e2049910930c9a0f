import type { Change } from '../diff/change.js';
import { describeChange } from '../diff/describe-change.js';
import type { DataStatement, RelationUse } from '../model/data-statement.js';
import { qualify } from '../model/names.js';
import type { HistoryEvent, HistoryRef, RenameEvent } from '../model/history.js';
import type { Origin } from '../model/origin.js';
import type { RevisionRef } from './history-context.js';

/** A planned or skipped change a data statement is tied to. */
export interface RelatedChange {
  /** Index into Plan.changes, or into Plan.skipped when `skipped`. */
  readonly index: number;
  readonly skipped: boolean;
  /** Whether the history runs the data statement before the change (else after). */
  readonly before: boolean;
}

/** A data statement of the history that schema-sync does not run, and why it matters to this plan. */
export interface NotRunStatement {
  readonly statement: DataStatement;
  /** In a revision the database has not run per alembic_version (null: position unknown). */
  readonly pending: boolean | null;
  /** Changes of this plan on the relations it names, in plan order. */
  readonly related: readonly RelatedChange[];
  /**
   * `none`: it can change no row here (an UPDATE, DELETE or TRUNCATE of a table this plan creates,
   * before any row is seeded there); `rows`: it may, so someone has to decide. Only `rows` counts for --strict.
   */
  readonly effect: 'rows' | 'none';
  /**
   * For an INSERT into a table the plan creates: why it is not run as a seed; for another
   * statement on rows seeded there before it: why it is not run with them (its effect on them
   * is not modelled).
   */
  readonly notSeeded?: string;
}

/** Where a statement or change sits in the history: revision position, then line. */
function positionIn(order: ReadonlyMap<string, number>): (o: Origin | undefined) => number | undefined {
  return (o) => {
    if (!o) return undefined;
    const rev = o.revision === null ? undefined : order.get(o.revision);
    return rev === undefined ? undefined : rev * 1e7 + o.line;
  };
}

/** The relations (qualified display names) a change is about; comments are about no data. */
function changeRelations(c: Change): string[] {
  if (c.kind === 'setComment' || c.kind === 'createFunction') return [];
  const group = describeChange(c).group;
  if (c.kind === 'rename' && c.from.parent === undefined) return [group, qualify(c.from)];
  if (c.kind === 'rename') return [group, qualify({ schema: c.from.schema, name: c.from.parent ?? '' })];
  return [group];
}

function usesOf(d: DataStatement): RelationUse[] {
  return [...(d.target ? [d.target] : []), ...d.reads];
}

/**
 * The history's data statements that schema-sync does not run and that matter to this plan:
 * those in a pending revision, and those naming a relation a planned or skipped change touches.
 * Seeded INSERTs are left out (they are steps). Pure.
 */
export function notRunStatements(input: {
  readonly data: readonly DataStatement[];
  readonly seeded: ReadonlySet<DataStatement>;
  readonly notSeeded: ReadonlyMap<DataStatement, string>;
  /** Statements on a table this plan creates that come before any row seeded there (see seed-actions.ts). */
  readonly beforeRows: ReadonlySet<DataStatement>;
  readonly revisions: readonly RevisionRef[];
  readonly pending: ReadonlySet<string> | null;
  readonly changes: readonly Change[];
  readonly skipped: readonly Change[];
  readonly events: readonly HistoryEvent[];
}): NotRunStatement[] {
  const position = positionIn(new Map(input.revisions.map((r, i) => [r.id, i])));
  // A rename change carries the renamed object's origin (its last definition); the history's
  // RENAME statement is where the rename happened.
  const renameOrigin = (c: Change): Origin | undefined => {
    if (c.kind !== 'rename') return c.origin;
    const same = (a: HistoryRef, b: HistoryRef): boolean => a.schema === b.schema && a.name === b.name && a.parent === b.parent;
    const events = input.events.filter((e): e is RenameEvent => e.event === 'rename' && e.object === c.object);
    return events.find((e) => same(e.to, c.to))?.origin ?? c.origin;
  };
  const byRelation = new Map<string, { index: number; skipped: boolean; change: Change }[]>();
  const index = (list: readonly Change[], skipped: boolean): void =>
    list.forEach((change, i) => {
      for (const rel of changeRelations(change)) byRelation.set(rel, [...(byRelation.get(rel) ?? []), { index: i, skipped, change }]);
    });
  index(input.changes, false);
  index(input.skipped, true);
  const created = new Set(input.changes.filter((c) => c.kind === 'createTable').map((c) => describeChange(c).group));

  const out: NotRunStatement[] = [];
  for (const d of input.data) {
    if (input.seeded.has(d)) continue;
    const at = position(d.origin);
    const seen = new Set<string>();
    const related: RelatedChange[] = [];
    for (const use of usesOf(d)) {
      for (const r of byRelation.get(qualify(use.final)) ?? []) {
        const key = `${r.skipped}:${r.index}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const changeAt = position(renameOrigin(r.change));
        related.push({ index: r.index, skipped: r.skipped, before: at !== undefined && changeAt !== undefined && at < changeAt });
      }
    }
    const pending = input.pending === null || d.origin.revision === null ? null : input.pending.has(d.origin.revision);
    const target = d.target ? qualify(d.target.final) : undefined;
    // A statement of a revision alembic_version says ran has had its effect, unless its table is
    // missing (this plan creates it); with no alembic_version, what it touches decides.
    const listed = pending === true || (pending === null ? related.length > 0 : target !== undefined && created.has(target));
    if (!listed) continue;
    const effect = input.beforeRows.has(d) && (d.verb === 'UPDATE' || d.verb === 'DELETE' || d.verb === 'TRUNCATE') ? 'none' : 'rows';
    const notSeeded = input.notSeeded.get(d);
    related.sort((a, b) => Number(a.skipped) - Number(b.skipped) || a.index - b.index);
    out.push({ statement: d, pending, related, effect, ...(notSeeded ? { notSeeded } : {}) });
  }
  return out;
}
