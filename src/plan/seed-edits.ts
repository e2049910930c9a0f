import type { Change } from '../diff/change.js';
import type { DataStatement } from '../model/data-statement.js';
import { qualify, quoteIdent } from '../model/names.js';
import type { ConstraintDef, TableDef } from '../model/objects.js';

type CreateTable = Extract<Change, { kind: 'createTable' }>;

/**
 * Why a data statement written against its table as it was then (`then`) would not do the same on
 * the target's table `t`: the history renames the table, or renames, drops or retypes a column it
 * names, after it. Undefined when it would.
 */
export function shapeChangedLater(d: DataStatement, t: TableDef, columns: readonly string[], then: TableDef): string | undefined {
  if (d.target!.name.name !== d.target!.final.name || d.target!.name.schema !== d.target!.final.schema) {
    return `the history renames the table to ${qualify(d.target!.final)} after it`;
  }
  for (const name of columns) {
    const col = t.columns.find((c) => c.name === name);
    const was = then.columns.find((c) => c.name === name);
    if (!col || !was || col.type !== was.type) return `column ${quoteIdent(name)} is renamed, dropped or changes type later in the history`;
  }
  return undefined;
}

/** Why what the triggers and rules that fired on `d` in the history did is missing, or undefined when none fired. */
export function firedThen(d: DataStatement): string | undefined {
  const fired = d.firedThen ?? [];
  return fired.length ? `${fired.join(', ')} of the table fired on it in the history, and ${fired.length === 1 ? 'its' : 'their'} effect is not modelled` : undefined;
}

/** Why the rows PostgreSQL changes along through a foreign key's ON DELETE/ON UPDATE action would differ. */
function cascades(d: DataStatement, key: string, created: ReadonlyMap<string, CreateTable>, fks: ReadonlyMap<string, readonly ConstraintDef[]>, seededTables: ReadonlySet<string>): string | undefined {
  for (const other of seededTables) {
    if (other === key) continue; // the same action: PostgreSQL cascades within it in history order
    for (const c of [...(created.get(other)?.table.constraints ?? []), ...(fks.get(other) ?? [])]) {
      if (c.type !== 'foreign key' || qualify(c.references.table) !== key) continue;
      const action = d.verb === 'UPDATE' ? c.references.onUpdate : c.references.onDelete;
      if (action === 'no action' || action === 'restrict') continue;
      // The referencing rows are seeded after all of this table's statements, so the action would not reach them.
      return `rows of ${other} seeded before it reference ${key} ON ${d.verb === 'UPDATE' ? 'UPDATE' : 'DELETE'} ${action.toUpperCase()}, which PostgreSQL would apply to them`;
    }
  }
  return undefined;
}

/**
 * Why an UPDATE, DELETE, TRUNCATE (or other data statement) of a table this plan created and
 * seeded rows into before it cannot run with those seeds, or undefined when running it right after
 * them leaves the rows PostgreSQL has after the history: it reads nothing but the rows it changes,
 * calls no function of the history or with effects, names the columns as the target has them, and
 * no other seeded table's foreign key would cascade from it. Pure.
 */
export function whyNotEdit(
  d: DataStatement, t: TableDef, created: ReadonlyMap<string, CreateTable>, fks: ReadonlyMap<string, readonly ConstraintDef[]>, seededTables: ReadonlySet<string>,
): string | undefined {
  const edit = d.edit;
  if (!edit) {
    if (d.verb === 'UPDATE' || d.verb === 'DELETE') return 'it reads other rows or tables (a subquery, FROM, USING or WITH)';
    if (d.verb === 'TRUNCATE') return 'it truncates other tables too (a list, or CASCADE)';
    return `a ${d.verb} is not modelled`;
  }
  const fired = firedThen(d);
  if (fired) return fired;
  if (d.calls.length) return `it calls ${d.calls.join(', ')} (a function with effects, or one the history defines)`;
  return shapeChangedLater(d, t, edit.columns, edit.tableThen) ?? cascades(d, qualify(d.target!.final), created, fks, seededTables);
}
