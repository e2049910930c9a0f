import type { Change } from '../diff/change.js';
import type { DataStatement, SeedInsert, SeedRow } from '../model/data-statement.js';
import { qualify, quoteIdent } from '../model/names.js';
import type { ConstraintDef, TableDef } from '../model/objects.js';
import type { SchemaState } from '../model/schema-state.js';
import { statement, type Action } from './action.js';
import { relationDep } from './dependency-keys.js';
import { deps } from './object-deps.js';
import { RANK } from './rank.js';
import { firedThen, shapeChangedLater, whyNotEdit } from './seed-edits.js';
import { INSERTS } from './statement-effects.js';

/** What seeding decided: the actions (one per table), the statements they run, and why others are not run. */
export interface Seeds {
  readonly actions: readonly Action[];
  readonly seeded: ReadonlySet<DataStatement>;
  readonly notSeeded: ReadonlyMap<DataStatement, string>;
  /** Statements other than INSERT on a table this plan creates (and keeps), before any row is seeded there: an UPDATE, DELETE or TRUNCATE of it changes no row. */
  readonly beforeRows: ReadonlySet<DataStatement>;
}

type CreateTable = Extract<Change, { kind: 'createTable' }>;

/** Rows seeded so far, per table: column name -> literal, for checking foreign keys. */
type SeededRows = Map<string, { columns: readonly string[]; rows: readonly SeedRow[] }[]>;

function sameConstraint(a: ConstraintDef, b: ConstraintDef): boolean {
  const strip = ({ origin: _o, comment: _c, ...rest }: ConstraintDef & { origin?: unknown; comment?: unknown }): unknown => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** Why a referenced row may be missing, or undefined when every row's key was seeded before. */
function missingReference(d: DataStatement, fk: Extract<ConstraintDef, { type: 'foreign key' }>, created: ReadonlyMap<string, CreateTable>, seeded: SeededRows): string | undefined {
  const cols = d.seed!.columns;
  const at = fk.columns.map((c) => cols.indexOf(c));
  const refKey = qualify(fk.references.table);
  const refTable = created.get(refKey)?.table;
  const refCols = fk.references.columns.length
    ? fk.references.columns
    : (refTable?.constraints.find((c) => c.type === 'primary key') as { columns?: readonly string[] } | undefined)?.columns ?? [];
  for (const row of d.seed!.rows) {
    const values = at.map((i) => (i < 0 ? null : row[i]));
    if (values.some((v) => v === null)) continue; // MATCH SIMPLE: a NULL key references nothing
    if (values.some((v) => v === undefined)) return `its value for ${fk.columns.join(', ')} is not a constant, so the referenced row cannot be checked`;
    if (!refTable) return `it references rows of ${refKey}, which this plan does not create (schema-sync cannot tell whether they exist)`;
    const found = (seeded.get(refKey) ?? []).some((s) =>
      s.rows.some((r) => refCols.every((c, k) => s.columns.includes(c) && r[s.columns.indexOf(c)] === values[k])),
    );
    if (!found) return `the row it references in ${refKey} (${refCols.join(', ')} = ${values.join(', ')}) is not inserted before it`;
  }
  return undefined;
}

/** Why `d` cannot run right after its table is created, or undefined when it can. */
function whyNot(d: DataStatement, t: TableDef, fks: readonly ConstraintDef[], created: ReadonlyMap<string, CreateTable>, enums: ReadonlyMap<string, readonly string[]>, seeded: SeededRows): string | undefined {
  const seed = d.seed;
  if (!seed) return 'it is not a plain INSERT .. VALUES of constants (it reads other tables, or uses a CTE or a subquery)';
  if (seed.changedLater) return seed.changedLater;
  const fired = firedThen(d);
  if (fired) return fired;
  const then = seed.tableThen;
  const moved = shapeChangedLater(d, t, seed.columns, then);
  if (moved) return moved;
  for (const [i, name] of seed.columns.entries()) {
    const type = t.columns.find((c) => c.name === name)!.type;
    const labels = enums.get(type);
    if (labels && seed.rows.some((r) => typeof r[i] === 'string' && !labels.includes(r[i]!))) {
      return `a value for ${quoteIdent(name)} is not a label of ${type} in the target (renamed later?)`;
    }
  }
  const unfilled = t.columns.find((c) => !seed.columns.includes(c.name) && c.notNull && c.default === undefined && !c.identity && c.generated === undefined);
  if (unfilled) return `column ${quoteIdent(unfilled.name)} is NOT NULL without a default and the INSERT does not fill it (the history adds it later)`;
  return rowValuesDiffer(seed, t) ?? referencesAndConstraints(d, t, fks, created, seeded);
}

/**
 * Why the target's table would store other values than the history did: NULL given to a column
 * the history makes NOT NULL later (a later UPDATE filled it; PostgreSQL would refuse the row
 * now), or a column left to a default the history changes later (SET DEFAULT does not touch
 * existing rows, so they kept the old one).
 */
function rowValuesDiffer(seed: SeedInsert, t: TableDef): string | undefined {
  for (const [i, name] of seed.columns.entries()) {
    if (t.columns.find((c) => c.name === name)!.notNull && seed.rows.some((r) => r[i] === null)) {
      return `a row gives NULL to ${quoteIdent(name)}, which is NOT NULL in the target (the history fills it later)`;
    }
  }
  const moved = t.columns.find((c) => {
    const was = seed.tableThen.columns.find((w) => w.name === c.name);
    return was && !seed.columns.includes(c.name) && was.default !== c.default;
  });
  return moved && `the default of column ${quoteIdent(moved.name)} changes later in the history, and the INSERT leaves the column to it`;
}

/** Why a row's foreign keys or the table's other constraints stop `d` from running with the target's constraints. */
function referencesAndConstraints(d: DataStatement, t: TableDef, fks: readonly ConstraintDef[], created: ReadonlyMap<string, CreateTable>, seeded: SeededRows): string | undefined {
  const then = d.seed!.tableThen;
  // The diff gives a created table's foreign keys as changes of their own (they may need tables created later).
  for (const c of [...t.constraints, ...fks]) {
    if (c.type === 'foreign key') {
      const why = missingReference(d, c, created, seeded);
      if (why) return why;
    } else if (!then.constraints.some((w) => sameConstraint(w, c))) {
      return `constraint ${quoteIdent(c.name)} is added or changed after it in the history`;
    }
  }
  return undefined;
}

/** A statement's reason not to run with the seeds, saying it is about its effect on them. */
function prefixed(why: string | undefined): string | undefined {
  return why && `its effect on the seeded rows is not modelled: ${why}`;
}

/** `seed rows into t`, `update seeded rows of t`: what a seed step does. */
function seedStep(d: DataStatement, key: string): string {
  return d.seed ? `seed row${d.seed.rows.length === 1 ? '' : 's'} into ${key}` : `${d.verb.toLowerCase()} seeded rows of ${key}`;
}

/**
 * The history's INSERTs into tables this plan creates that can run right after the table is
 * created, in history order: plain `INSERT .. VALUES` of constants whose columns, constraints and
 * referenced rows are as the target has them; then, in their place, the history's UPDATEs,
 * DELETEs and TRUNCATEs of those rows that PostgreSQL runs alike on the target's table
 * (seed-edits.ts; the others are not run, with why). One action per table (the table's own and
 * others' foreign keys, indexes and triggers on it follow it, so they see the rows as the
 * history's later statements did). Pure.
 */
export function seedActions(data: readonly DataStatement[], changes: readonly Change[], live: SchemaState, enabled: boolean): Seeds {
  const created = new Map<string, CreateTable>();
  const index = new Map<string, number>();
  changes.forEach((c, i) => {
    if (c.kind !== 'createTable') return;
    created.set(qualify(c.table), c);
    index.set(qualify(c.table), i);
  });
  const fks = new Map<string, ConstraintDef[]>();
  for (const c of changes) {
    if (c.kind === 'addConstraint' && c.newTable) fks.set(qualify(c.table), [...(fks.get(qualify(c.table)) ?? []), c.constraint]);
  }
  const enums = new Map<string, readonly string[]>([...live.enums.values()].map((e) => [qualify(e), e.values]));
  for (const c of changes) {
    if (c.kind === 'createEnum') enums.set(qualify(c.enum), c.enum.values);
    if (c.kind === 'addEnumValue') enums.set(qualify(c.enum), [...(enums.get(qualify(c.enum)) ?? []), c.value]);
  }
  const seeded = new Set<DataStatement>();
  const notSeeded = new Map<DataStatement, string>();
  const rows: SeededRows = new Map();
  const perTable = new Map<string, DataStatement[]>();
  const beforeRows = new Set<DataStatement>();
  for (const d of data) {
    if (!d.target || d.target.dropped) continue;
    const key = qualify(d.target.final);
    const c = created.get(key);
    if (!c) continue;
    if (d.verb !== 'INSERT' && !perTable.has(key)) {
      beforeRows.add(d);
      continue;
    }
    const why = d.verb !== 'INSERT'
      ? prefixed(whyNotEdit(d, c.table, created, fks, new Set(perTable.keys())))
      : enabled ? whyNot(d, c.table, fks.get(key) ?? [], created, enums, rows) : 'seeding is off (--no-seed)';
    if (why) {
      notSeeded.set(d, why);
      continue;
    }
    seeded.add(d);
    if (d.seed) rows.set(key, [...(rows.get(key) ?? []), { columns: d.seed.columns, rows: d.seed.rows }]);
    perTable.set(key, [...(perTable.get(key) ?? []), d]);
  }
  const actions: Action[] = [...perTable].map(([key, list]) => {
    const t = created.get(key)!.table;
    const refs = (fks.get(key) ?? []).flatMap((c) => (c.type === 'foreign key' && qualify(c.references.table) !== key ? [relationDep(c.references.table)] : []));
    return {
      change: index.get(key)!,
      rank: RANK.seed,
      name: `${key} seed`,
      statements: list.map((d) => statement(d.sql, `${seedStep(d, key)} (${d.origin.file}:${d.origin.line})`, INSERTS)),
      // Providing the table's key puts whatever needs the table (foreign keys to it, its
      // indexes and triggers) after the rows; requiring referenced tables puts their seeds first.
      deps: deps({ provides: [relationDep(t)], requires: [relationDep(t), ...refs] }),
    };
  });
  return { actions, seeded, notSeeded, beforeRows };
}
