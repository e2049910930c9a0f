import type { Change } from '../diff/change.js';
import { changeSpec } from '../kinds/kind-lookup.js';
import type { DiagramMarks, TableMark } from '../kinds/kind-module.js';
import { qualify } from '../model/names.js';
import type { ColumnDef, QualifiedName, TableDef } from '../model/objects.js';
import { relationKey, type SchemaState } from '../model/schema-state.js';

/** How a table of the diagram is affected: created, dropped, changed, or only referenced. */
export type { TableMark };

/** A table the change touches, with notes on the columns it touches (`added`, `type: a -> b`). */
export interface TouchedTable {
  readonly key: string;
  mark: TableMark;
  renamedFrom?: string;
  /** Replaces the `(new)` / `(dropped)` / `(renamed from …)` suffix of the table's label. */
  label?: string;
  readonly columns: Map<string, string>;
}

/** Tables a list of changes touches (each change kind's `diagram` says which), keyed like SchemaState.tables, with per-column notes. */
export function touchedTables(changes: readonly Change[]): Map<string, TouchedTable> {
  const out = new Map<string, TouchedTable>();
  const touch = (t: QualifiedName, mark: TableMark = 'changed'): TouchedTable => {
    const key = relationKey(t.schema, t.name);
    let e = out.get(key);
    if (!e) out.set(key, (e = { key, mark, columns: new Map() }));
    else if (mark === 'new' || mark === 'dropped') e.mark = mark;
    return e;
  };
  const marks: DiagramMarks = {
    touch: (t, mark, renamedFrom) => {
      const e = touch(t, mark);
      if (renamedFrom !== undefined) e.renamedFrom = renamedFrom;
    },
    note: (t, column, text) => {
      const cols = touch(t).columns;
      cols.set(column, cols.has(column) ? `${cols.get(column)}; ${text}` : text);
    },
  };
  for (const c of changes) (changeSpec(c.kind).diagram as ((c: Change, m: DiagramMarks) => void) | undefined)?.(c, marks);
  return out;
}

/** Mermaid `ATTRIBUTE_WORD`s allow letters, digits, `_-()[],` only: anything else becomes `_`. */
function word(s: string): string {
  const w = s.replace(/[^A-Za-z0-9_\-()[\],]/g, '_');
  return /^[A-Za-z_*]/.test(w) ? w : `_${w}`;
}

/** Text inside a Mermaid quoted label or comment (no double quotes in it). */
function label(s: string): string {
  return s.replace(/"/g, "'");
}

function keysOf(t: TableDef, column: string): string {
  const keys: string[] = [];
  for (const k of t.constraints) {
    if (k.type === 'primary key' && k.columns.includes(column)) keys.push('PK');
    if (k.type === 'foreign key' && k.columns.includes(column)) keys.push('FK');
    if (k.type === 'unique' && k.columns.includes(column)) keys.push('UK');
  }
  return [...new Set(keys)].join(',');
}

/** Options bounding the diagram's size (a large plan must stay readable). */
export interface ErDiagramOptions {
  /** Beyond this many lines, tables show only key and changed columns, then fewer tables. */
  readonly maxLines: number;
}

/** The Mermaid diagram and what it left out to stay within its size. */
export interface ErDiagram {
  readonly lines: readonly string[];
  readonly tablesShown: number;
  readonly tablesTouched: number;
  /** How much of each table is shown: every column, key and touched columns, or names only. */
  readonly detail: DiagramDetail;
}

/** Levels a diagram falls back through to stay within its size bound. */
export type DiagramDetail = 'columns' | 'keys' | 'names';

/**
 * A Mermaid `erDiagram` of the touched tables (columns, PK/FK/UK keys, foreign keys as
 * relationships; created/dropped/renamed tables and touched columns marked in labels and
 * comments), with the tables their foreign keys point at as context. Tables come from the new
 * side; dropped tables and columns from the old side.
 */
export function renderErDiagram(touched: ReadonlyMap<string, TouchedTable>, target: SchemaState, live: SchemaState, opts: ErDiagramOptions): ErDiagram {
  const tableOf = (key: string): TableDef | undefined => target.tables.get(key) ?? live.tables.get(key);
  const all = [...touched.values()].filter((t) => tableOf(t.key));
  const build = (shown: readonly TouchedTable[], detail: DiagramDetail): string[] => {
    const ids = new Map<string, string>();
    const idOf = (key: string): string => {
      let id = ids.get(key);
      if (!id) ids.set(key, (id = `t${ids.size + 1}`));
      return id;
    };
    const lines = ['erDiagram'];
    const relations: string[] = [];
    const shownKeys = new Set(shown.map((t) => t.key));
    const context = new Set<string>();
    for (const t of shown) {
      const def = tableOf(t.key)!;
      const old = live.tables.get(t.key) ?? (t.renamedFrom !== undefined ? live.tables.get(t.renamedFrom) : undefined);
      const mark = t.label !== undefined ? ` (${t.label})`
        : t.mark === 'new' ? ' (new)' : t.mark === 'dropped' ? ' (dropped)' : t.renamedFrom ? ` (renamed from ${t.renamedFrom})` : '';
      lines.push(`  ${idOf(t.key)}["${label(qualify(def) + mark)}"]${detail === 'names' ? '' : ' {'}`);
      const cols: ColumnDef[] = [...def.columns];
      for (const [name, text] of t.columns) {
        if (!cols.some((c) => c.name === name)) {
          const was = old?.columns.find((c) => c.name === name);
          if (was) cols.push(was);
        }
      }
      for (const c of detail === 'names' ? [] : cols) {
        const keys = keysOf(def, c.name);
        const notes = t.columns.get(c.name);
        if (detail === 'keys' && !keys && !notes) continue;
        lines.push(`    ${word(c.type)} ${word(c.name)}${keys ? ` ${keys}` : ''}${notes ? ` "${label(notes)}"` : ''}`);
      }
      if (detail !== 'names') lines.push('  }');
      for (const k of def.constraints) {
        if (k.type !== 'foreign key') continue;
        const parent = relationKey(k.references.table.schema, k.references.table.name);
        if (!tableOf(parent)) continue;
        if (!shownKeys.has(parent)) context.add(parent);
        const nullable = k.columns.some((n) => !def.columns.find((c) => c.name === n)?.notNull);
        relations.push(`  ${idOf(parent)} ${nullable ? '|o' : '||'}--o{ ${idOf(t.key)} : "${label(k.name)}"`);
      }
    }
    for (const key of context) lines.push(`  ${idOf(key)}["${label(qualify(tableOf(key)!))}"]`);
    return [...lines, ...relations];
  };
  let shown = all;
  let detail: DiagramDetail = 'columns';
  let lines = build(shown, detail);
  for (const next of ['keys', 'names'] as const) {
    if (lines.length <= opts.maxLines) break;
    detail = next;
    lines = build(shown, detail);
  }
  if (lines.length > opts.maxLines) {
    // Still too large: keep the tables with the most touched columns, then the most foreign
    // keys (the hubs a reviewer looks for), in their original order.
    const fks = (t: TouchedTable): number => tableOf(t.key)!.constraints.filter((k) => k.type === 'foreign key').length;
    while (lines.length > opts.maxLines && shown.length > 1) {
      const keep = Math.max(1, Math.floor(shown.length * 0.8));
      const ranked = [...shown].sort((a, b) => b.columns.size - a.columns.size || fks(b) - fks(a)).slice(0, keep);
      shown = shown.filter((t) => ranked.includes(t));
      lines = build(shown, detail);
    }
  }
  return { lines, tablesShown: shown.length, tablesTouched: all.length, detail };
}

/** What a report says about a diagram that left columns out. */
export const DETAIL_NOTE: Record<DiagramDetail, string> = {
  columns: '',
  keys: ', key and touched columns only',
  names: ', table names and foreign keys only',
};
