import { collationName, qualify, quoteIdent, quoteLiteral } from '../model/names.js';
import type { ColumnDef, ConstraintDef, IndexDef, IndexKey, QualifiedName, SequenceDef, TriggerDef } from '../model/objects.js';
import { relationKey } from '../model/schema-state.js';
import { columnsInExpression, normalizeExpression, renameColumnInExpression } from '../parse/index.js';
import { assertNever } from './change.js';

/** PostgreSQL prints a regclass without its schema when that schema is on the search path (`public`). */
const DEFAULT_SCHEMA = 'public';

/** Canonical `nextval(..)` default of a sequence, spelled as replay and introspection spell it. */
function nextvalDefault(seq: QualifiedName): string {
  const regclass = seq.schema === DEFAULT_SCHEMA ? quoteIdent(seq.name) : qualify(seq);
  return normalizeExpression(`nextval(${quoteLiteral(regclass)}::regclass)`);
}

/**
 * Rewrites column references for several renames at once (through placeholder names, so that
 * swaps like a->b, b->a come out right).
 */
export function renameColumnsInExpression(sql: string, renames: ReadonlyMap<string, string>): string {
  if (!renames.size) return sql;
  const mentioned = columnsInExpression(sql).filter((c) => renames.has(c));
  if (!mentioned.length) return sql;
  let out = sql;
  mentioned.forEach((c, i) => (out = renameColumnInExpression(out, c, `schema_sync_rename_${i}`)));
  mentioned.forEach((c, i) => (out = renameColumnInExpression(out, `schema_sync_rename_${i}`, renames.get(c)!)));
  return out;
}

const NO_RENAMES: ReadonlyMap<string, string> = new Map();

const swap = (names: readonly string[], renames: ReadonlyMap<string, string>): string[] => names.map((n) => renames.get(n) ?? n);

/**
 * The live database's objects seen under the target's names: once the diff has decided which
 * live objects the history renamed, everything that refers to them (FKs, index keys, column
 * types, nextval defaults, enum defaults, trigger functions) is rewritten the way PostgreSQL's
 * OID-based catalogs would print it after the renames, so only real differences remain.
 */
export class LiveNames {
  private readonly relations = new Map<string, QualifiedName>();
  private readonly columns = new Map<string, Map<string, string>>();
  private readonly enumTypes = new Map<string, string>();
  private readonly enumValues = new Map<string, Map<string, string>>();
  private readonly defaults = new Map<string, string>();
  private readonly functions = new Map<string, QualifiedName>();
  private readonly collations = new Map<string, string>();

  /** Records that live table or view `from` is the target's `to`. */
  renameRelation(from: QualifiedName, to: QualifiedName): void {
    this.relations.set(relationKey(from.schema, from.name), { schema: to.schema, name: to.name });
  }

  /** Records a column rename in the live table `table` (live name). */
  renameColumn(table: QualifiedName, from: string, to: string): void {
    const k = relationKey(table.schema, table.name);
    let m = this.columns.get(k);
    if (!m) this.columns.set(k, (m = new Map()));
    m.set(from, to);
  }

  /** Records a type rename (enum, domain, composite, range): column types spell the type schema-qualified. */
  renameType(from: QualifiedName, to: QualifiedName): void {
    this.enumTypes.set(relationKey(from.schema, from.name), relationKey(to.schema, to.name));
  }

  /** Records an enum label rename in the live enum `type` (live name). */
  renameEnumValue(type: QualifiedName, from: string, to: string): void {
    const k = relationKey(type.schema, type.name);
    let m = this.enumValues.get(k);
    if (!m) this.enumValues.set(k, (m = new Map()));
    m.set(from, to);
  }

  /** Records a sequence rename: nextval() defaults hold its OID, so they print the new name. */
  renameSequence(from: QualifiedName, to: QualifiedName): void {
    this.defaults.set(nextvalDefault(from), nextvalDefault(to));
  }

  /** Records a function rename: triggers hold its OID. */
  renameFunction(from: QualifiedName, to: QualifiedName): void {
    this.functions.set(qualify(from), { schema: to.schema, name: to.name });
  }

  /** Records a collation rename or move: columns, domains and index keys hold its OID (collationName spellings). */
  renameCollation(from: QualifiedName, to: QualifiedName): void {
    this.collations.set(collationName(from.schema, from.name), collationName(to.schema, to.name));
  }

  /** The target spelling of a live collation reference. */
  collation(text: string | undefined): string | undefined {
    return text === undefined ? undefined : (this.collations.get(text) ?? text);
  }

  /** The target name of a live table or view. */
  relation(ref: QualifiedName): QualifiedName {
    return this.relations.get(relationKey(ref.schema, ref.name)) ?? { schema: ref.schema, name: ref.name };
  }

  /** Column renames of a live table (live name -> target name). */
  columnRenames(table: QualifiedName): ReadonlyMap<string, string> {
    return this.columns.get(relationKey(table.schema, table.name)) ?? NO_RENAMES;
  }

  /** Whether live table or view `ref` keeps its name in the target. */
  private keepsName(ref: QualifiedName): boolean {
    return this.relations.size === 0 || !this.relations.has(relationKey(ref.schema, ref.name));
  }

  /** The target spelling of a live column type (enum renames, arrays of them included). */
  type(text: string): string {
    const array = text.endsWith('[]') ? text.slice(text.indexOf('[')) : '';
    const base = array ? text.slice(0, text.length - array.length) : text;
    const to = this.enumTypes.get(base);
    return to === undefined ? text : to + array;
  }

  /** A live column of live table `table`, under target names. */
  column(table: QualifiedName, c: ColumnDef): ColumnDef {
    const renames = this.columnRenames(table);
    const type = this.type(c.type);
    let def = c.default;
    if (def !== undefined) {
      def = this.defaults.get(def) ?? def;
      const labels = this.enumValues.get(c.type.replace(/\[\]$/, ''));
      if (labels) {
        for (const [from, to] of labels) if (def === normalizeExpression(quoteLiteral(from))) def = normalizeExpression(quoteLiteral(to));
      }
    }
    const collation = this.collation(c.collation);
    // Most columns are untouched by any rename: the live object itself is the answer.
    if (!renames.size && type === c.type && def === c.default && collation === c.collation) return c;
    const generated = c.generated === undefined ? undefined : renameColumnsInExpression(c.generated, renames);
    const { default: _d, generated: _g, collation: _c, ...rest } = c;
    return {
      ...rest,
      ...(collation !== undefined ? { collation } : {}),
      name: renames.get(c.name) ?? c.name,
      type,
      ...(def !== undefined ? { default: def } : {}),
      ...(generated !== undefined ? { generated } : {}),
    };
  }

  private keys(keys: readonly IndexKey[], renames: ReadonlyMap<string, string>): IndexKey[] {
    return keys.map((key) => {
      const collation = this.collation(key.collation);
      const k = collation === key.collation ? key : { ...key, collation: collation! };
      if (k.column !== undefined) return { ...k, column: renames.get(k.column) ?? k.column };
      if (k.expression !== undefined) return { ...k, expression: renameColumnsInExpression(k.expression, renames) };
      return k;
    });
  }

  /** A live constraint of live table `table`, under target names. */
  constraint(table: QualifiedName, c: ConstraintDef): ConstraintDef {
    const renames = this.columnRenames(table);
    const untouched = !renames.size &&
      (c.type !== 'foreign key' || (this.keepsName(c.references.table) && !this.columnRenames(c.references.table).size));
    if (untouched) return c;
    switch (c.type) {
      case 'primary key':
        return { ...c, columns: swap(c.columns, renames), include: swap(c.include, renames) };
      case 'unique':
        return { ...c, columns: swap(c.columns, renames), include: swap(c.include, renames) };
      case 'foreign key': {
        const ref = c.references.table;
        return {
          ...c,
          columns: swap(c.columns, renames),
          references: { ...c.references, table: this.relation(ref), columns: swap(c.references.columns, this.columnRenames(ref)) },
        };
      }
      case 'check':
        return { ...c, expression: renameColumnsInExpression(c.expression, renames) };
      case 'exclude': {
        const where = c.where === undefined ? undefined : renameColumnsInExpression(c.where, renames);
        const { where: _w, ...rest } = c;
        return { ...rest, keys: this.keys(c.keys, renames), include: swap(c.include, renames), ...(where !== undefined ? { where } : {}) };
      }
      default:
        return assertNever(c, 'constraint type');
    }
  }

  /** A live index, under target names (its table's, its columns'). */
  index(idx: IndexDef): IndexDef {
    const table = { schema: idx.schema, name: idx.table };
    const renames = this.columnRenames(table);
    if (!renames.size && this.keepsName(table) && !this.collations.size) return idx;
    const to = this.relation(table);
    const where = idx.where === undefined ? undefined : renameColumnsInExpression(idx.where, renames);
    const { where: _w, ...rest } = idx;
    return {
      ...rest, schema: to.schema, table: to.name, keys: this.keys(idx.keys, renames), include: swap(idx.include, renames),
      ...(where !== undefined ? { where } : {}),
    };
  }

  /** A live trigger, under target names (its table's, its UPDATE OF columns', its function's). */
  trigger(t: TriggerDef): TriggerDef {
    const table = { schema: t.schema, name: t.table };
    const to = this.relation(table);
    return {
      ...t, schema: to.schema, table: to.name, updateColumns: swap(t.updateColumns, this.columnRenames(table)),
      function: this.functions.get(qualify(t.function)) ?? t.function,
    };
  }

  /** A live sequence's owner, under target names. */
  sequence(s: SequenceDef): SequenceDef {
    if (!s.ownedBy) return s;
    const table = { schema: s.schema, name: s.ownedBy.table };
    const column = this.columnRenames(table).get(s.ownedBy.column) ?? s.ownedBy.column;
    return { ...s, ownedBy: { table: this.relation(table).name, column } };
  }
}
