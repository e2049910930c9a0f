import type { RetypeEvent } from '../../model/history.js';
import type { QualifiedName, TypeText } from '../../model/objects.js';
import { slot, type DiffContext } from '../../diff/diff-context.js';
import { nameSpec, pastNames, type HistoryIndex } from '../../diff/past-names.js';

/** One `ALTER COLUMN .. TYPE` to run: the type it goes to and the history's USING, if it wrote one. */
export interface TypeStep {
  readonly to: TypeText;
  readonly using?: string;
}

const refKey = (schema: string, parent: string | undefined, name: string): string => JSON.stringify([schema, parent, name]);

/** The history's column type changes, by the column's name at the time. */
export class RetypeIndex {
  private readonly byColumn = new Map<string, number[]>();

  constructor(private readonly history: HistoryIndex) {
    history.events.forEach((e, i) => {
      if (e.event !== 'retype') return;
      const k = refKey(e.ref.schema, e.ref.parent, e.ref.name);
      const list = this.byColumn.get(k);
      if (list) list.push(i);
      else this.byColumn.set(k, [i]);
    });
  }

  /** The type changes the history made to one column (target names), oldest first, following its renames. */
  private eventsOf(table: QualifiedName, column: string): RetypeEvent[] {
    if (!this.byColumn.size) return [];
    const names = pastNames(this.history, nameSpec('column'), { schema: table.schema, name: column, parent: table.name });
    const out: { i: number; e: RetypeEvent }[] = [];
    names.forEach((n, k) => {
      const from = names[k + 1]?.until ?? -1;
      for (const i of this.byColumn.get(refKey(n.ref.schema, n.ref.parent, n.ref.name)) ?? []) {
        if (i > from && i < n.until) out.push({ i, e: this.history.events[i] as RetypeEvent });
      }
    });
    return out.sort((a, b) => a.i - b.i).map((x) => x.e);
  }

  /**
   * The statements that take a live column of type `from` to the target type the way the history
   * did: from the latest change away from `from`, each step with its own USING. A live type the
   * history never gave the column (drift) gets one plain `TYPE` step: PostgreSQL's assignment cast
   * fails where a value does not fit, as it would under psql; an explicit cast would truncate.
   */
  steps(table: QualifiedName, column: string, from: TypeText, to: TypeText): TypeStep[] {
    const events = this.eventsOf(table, column);
    for (let j = events.length - 1; j >= 0; j--) {
      if (events[j]!.from !== from) continue;
      const chain = events.slice(j);
      const linked = chain.every((e, k) => k === 0 || chain[k - 1]!.to === e.from) && chain[chain.length - 1]!.to === to;
      if (linked) return chain.map((e) => (e.using !== undefined ? { to: e.to, using: e.using } : { to: e.to }));
      break;
    }
    return [{ to }];
  }
}

const RETYPES = slot<RetypeIndex>('column type changes');

/** The history's column type changes, indexed once per diff. */
export function retypes(ctx: DiffContext): RetypeIndex {
  return ctx.memo(RETYPES, () => new RetypeIndex(ctx.history));
}
