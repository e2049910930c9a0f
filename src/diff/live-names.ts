import { qualify } from '../model/names.js';
import type { IndexKey, QualifiedName } from '../model/objects.js';
import { relationKey } from '../model/schema-state.js';
import { columnsInExpression, renameColumnInExpression } from '../parse/index.js';

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

/** Names swapped through a rename map (a constraint's or index's column list). */
export const swapNames = (names: readonly string[], renames: ReadonlyMap<string, string>): string[] => names.map((n) => renames.get(n) ?? n);

/**
 * Index keys (of an index or an exclusion constraint) with renamed columns, in plain keys and
 * expressions, and `collation` the target spelling of a key's collation.
 */
export function renameKeyColumns(
  keys: readonly IndexKey[],
  renames: ReadonlyMap<string, string>,
  collation: (text: string | undefined) => string | undefined = (t) => t,
): IndexKey[] {
  return keys.map((key) => {
    const c = collation(key.collation);
    const k = c === key.collation ? key : { ...key, collation: c! };
    if (k.column !== undefined) return { ...k, column: renames.get(k.column) ?? k.column };
    if (k.expression !== undefined) return { ...k, expression: renameColumnsInExpression(k.expression, renames) };
    return k;
  });
}

/**
 * The renames the diff's pairings found, by catalog name space: relations (pg_class: tables,
 * views), their columns, types (pg_type) and their labels, routines, and default expressions
 * that print a renamed object (a nextval() default holds its sequence's OID). Once the diff has
 * decided which live objects the history renamed, each kind rewrites what refers to them (FKs,
 * index keys, column types, defaults, trigger functions) the way PostgreSQL's OID-based
 * catalogs would print it after the renames, so only real differences remain.
 */
export class LiveNames {
  private readonly relations = new Map<string, QualifiedName>();
  private readonly columns = new Map<string, Map<string, string>>();
  private readonly types = new Map<string, string>();
  private readonly labels = new Map<string, Map<string, string>>();
  private readonly defaults = new Map<string, string>();
  private readonly routines = new Map<string, QualifiedName>();
  private readonly spellings = new Map<string, Map<string, string>>();

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

  /** Records a type rename (column types spell the type schema-qualified). */
  renameType(from: QualifiedName, to: QualifiedName): void {
    this.types.set(relationKey(from.schema, from.name), relationKey(to.schema, to.name));
  }

  /** Records a label rename in the live type `type` (live name). */
  renameLabel(type: QualifiedName, from: string, to: string): void {
    const k = relationKey(type.schema, type.name);
    let m = this.labels.get(k);
    if (!m) this.labels.set(k, (m = new Map()));
    m.set(from, to);
  }

  /** Records that a live default expression prints as `to` after the renames (a nextval() of a renamed sequence). */
  renameDefault(from: string, to: string): void {
    this.defaults.set(from, to);
  }

  /** Records a function rename: triggers hold its OID. */
  renameRoutine(from: QualifiedName, to: QualifiedName): void {
    this.routines.set(qualify(from), { schema: to.schema, name: to.name });
  }

  /**
   * Records that what live objects spell `from` in a name space they reference by text (a kind
   * names it: `collation`) is spelt `to` after the renames (they hold the renamed object's OID).
   */
  renameSpelling(space: string, from: string, to: string): void {
    let m = this.spellings.get(space);
    if (!m) this.spellings.set(space, (m = new Map()));
    m.set(from, to);
  }

  /** The target spelling of a live reference by text in a name space (undefined stays undefined). */
  spelling(space: string, text: string | undefined): string | undefined {
    return text === undefined ? undefined : (this.spellings.get(space)?.get(text) ?? text);
  }

  /** Whether the pairings renamed anything of a name space referenced by text. */
  renamedIn(space: string): boolean {
    return (this.spellings.get(space)?.size ?? 0) > 0;
  }

  /** The target name of a live table or view. */
  relation(ref: QualifiedName): QualifiedName {
    return this.relations.get(relationKey(ref.schema, ref.name)) ?? { schema: ref.schema, name: ref.name };
  }

  /** Column renames of a live table (live name -> target name). */
  columnRenames(table: QualifiedName): ReadonlyMap<string, string> {
    // Most diffs rename nothing: skip building a key per column.
    if (!this.columns.size) return NO_RENAMES;
    return this.columns.get(relationKey(table.schema, table.name)) ?? NO_RENAMES;
  }

  /** Whether live table or view `ref` keeps its name in the target. */
  keepsName(ref: QualifiedName): boolean {
    return this.relations.size === 0 || !this.relations.has(relationKey(ref.schema, ref.name));
  }

  /** The target spelling of a live column type (type renames, arrays of them included). */
  type(text: string): string {
    if (!this.types.size) return text;
    const array = text.endsWith('[]') ? text.slice(text.indexOf('[')) : '';
    const base = array ? text.slice(0, text.length - array.length) : text;
    const to = this.types.get(base);
    return to === undefined ? text : to + array;
  }

  /** Label renames of a live type, by its type text (live name; `[]` of an array type ignored). */
  labelRenames(typeText: string): ReadonlyMap<string, string> | undefined {
    if (!this.labels.size) return undefined;
    return this.labels.get(typeText.replace(/\[\]$/, ''));
  }

  /** The target spelling of a live default expression (before label renames). */
  defaultText(def: string): string {
    return this.defaults.get(def) ?? def;
  }

  /** The target name of a live function a trigger calls. */
  routine(fn: QualifiedName): QualifiedName {
    return this.routines.get(qualify(fn)) ?? fn;
  }
}
