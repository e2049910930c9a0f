/**
 * View queries after renames, as PostgreSQL shows them. A view's stored query references tables
 * and columns by OID and attnum, so after `RENAME COLUMN a TO b` pg_get_viewdef prints `b AS a`
 * (the view keeps its output name) and after `RENAME TO` the new table name; `*` was expanded into
 * the columns the table had when the view was made. These rewrite the parsed query and print it
 * again, resolving names through the FROM clauses the way the parser does (innermost scope first).
 */
import { figureColname, UNNAMED_COLUMN } from './figure-colname.js';
import { type AstNode, deparseNode, parseSql } from './libpg.js';

/** A rename the history made: of a relation (table, view) or of one column of a table. */
export type ViewRename =
  | { readonly kind: 'relation'; readonly schema: string; readonly from: string; readonly to: string }
  | { readonly kind: 'column'; readonly schema: string; readonly table: string; readonly from: string; readonly to: string };

/** The columns of a relation at this point of the history (undefined: unknown, e.g. not modelled). */
export type ColumnsOf = (schema: string, name: string) => readonly string[] | undefined;

/** A name in a FROM scope (exported for the rule rewriter, rewrite-rule.ts). */
export interface Entry {
  /** The name the query uses for it: its alias, else the relation name as written. */
  readonly refname: string;
  readonly columns: readonly string[] | undefined;
  /** Column rename: this entry is the renamed column's table. */
  readonly target: boolean;
  /** Relation rename: qualified references `refname.x` become `newRef.x` (no alias). */
  readonly newRef?: string;
  /** Star expansion: a plain table or view (not a subquery or function). */
  readonly plain: boolean;
}

/** One query level's FROM entries. */
export type Scope = Entry[];

/** A rewrite in progress. */
export interface Walk {
  readonly rename?: ViewRename;
  readonly columnsOf: ColumnsOf;
  readonly defaultSchema: string;
  /**
   * At CREATE VIEW time, rewrite the query as PostgreSQL stores it: `*` and `t.*` expanded into
   * column lists, GROUP BY / ORDER BY references to output columns (by name or position)
   * replaced by the expressions they name.
   */
  readonly expandStars: boolean;
  /** The WITH queries in scope, innermost last: name to output columns (undefined: unknown). */
  readonly ctes: Map<string, readonly string[] | undefined>[];
  changed: boolean;
}

const sval = (n: AstNode): string | undefined => n?.String?.sval;
const isStar = (n: AstNode): boolean => n !== null && typeof n === 'object' && 'A_Star' in n;
const colRef = (fields: readonly string[]): AstNode => ({ ColumnRef: { fields: fields.map((s) => ({ String: { sval: s } })) } });

/** Innermost entry a qualifier names. */
function byRefname(chain: readonly Scope[], q: string): Entry | undefined {
  for (const scope of chain) {
    const e = scope.find((x) => x.refname === q);
    if (e) return e;
  }
  return undefined;
}

/** Rewrites one column reference; returns true when it renamed the column itself. */
function columnRef(fields: AstNode[], chain: readonly Scope[], w: Walk): boolean {
  const r = w.rename;
  if (!r) return false;
  const n = fields.length;
  const q = n >= 2 ? sval(fields[n - 2]) : undefined;
  if (r.kind === 'relation') {
    if (q === undefined) return false;
    const e = byRefname(chain, q);
    if (e?.newRef !== undefined) {
      fields[n - 2] = { String: { sval: e.newRef } };
      w.changed = true;
    }
    return false;
  }
  if (sval(fields[n - 1]) !== r.from) return false;
  let target = false;
  if (q !== undefined) target = byRefname(chain, q)?.target ?? false;
  else {
    for (const scope of chain) {
      const e = scope.find((x) => x.target || x.columns?.includes(r.from));
      if (e) {
        target = e.target;
        break;
      }
    }
  }
  if (!target) return false;
  fields[n - 1] = { String: { sval: r.to } };
  w.changed = true;
  return true;
}

/** Walks an expression (or any node), entering sub-selects with the enclosing scopes. */
export function expr(node: AstNode, chain: readonly Scope[], w: Walk): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) expr(x, chain, w);
    return;
  }
  if (node.SelectStmt) return select(node.SelectStmt, chain, w);
  if (node.ColumnRef) {
    columnRef(node.ColumnRef.fields, chain, w);
    return;
  }
  for (const [k, v] of Object.entries(node)) if (k !== 'location') expr(v, chain, w);
}

/** Collects a FROM item's entries into `scope`; JOIN conditions are walked once the scope is complete. */
export function fromItem(item: AstNode, scope: Scope, outer: readonly Scope[], quals: AstNode[], w: Walk): void {
  if (item.RangeVar) {
    const rv = item.RangeVar;
    const alias: string | undefined = rv.alias?.aliasname;
    const cte = rv.schemaname === undefined ? [...w.ctes].reverse().find((m) => m.has(rv.relname)) : undefined;
    const isCte = cte !== undefined;
    const schema: string = rv.schemaname ?? w.defaultSchema;
    const r = w.rename;
    let newRef: string | undefined;
    if (!isCte && r?.kind === 'relation' && schema === r.schema && rv.relname === r.from) {
      if (alias === undefined) newRef = r.to;
      rv.relname = r.to;
      w.changed = true;
    }
    const target = !isCte && r?.kind === 'column' && schema === r.schema && rv.relname === r.table;
    const columns = cte ? cte.get(rv.relname) : w.columnsOf(schema, rv.relname);
    const refname = alias ?? (newRef !== undefined ? (r as { from: string }).from : rv.relname);
    scope.push({ refname, columns: aliasColumns(rv.alias, columns), target, plain: !isCte || columns !== undefined, ...(newRef !== undefined ? { newRef } : {}) });
  } else if (item.JoinExpr) {
    const j = item.JoinExpr;
    fromItem(j.larg, scope, outer, quals, w);
    fromItem(j.rarg, scope, outer, quals, w);
    if (j.quals) quals.push(j.quals);
    // USING / NATURAL merge columns: `*` no longer lists each table's columns.
    if (j.usingClause || j.isNatural || j.alias) scope.push({ refname: '', columns: undefined, target: false, plain: false });
  } else if (item.RangeSubselect) {
    const sub = item.RangeSubselect;
    select(sub.subquery.SelectStmt, outer, w);
    const columns = aliasColumns(sub.alias, outputNames(sub.subquery.SelectStmt));
    scope.push({ refname: sub.alias?.aliasname ?? '', columns, target: false, plain: columns !== undefined });
  } else {
    expr(item, outer, w);
    const alias = Object.values(item as object)[0]?.alias?.aliasname;
    scope.push({ refname: alias ?? '', columns: undefined, target: false, plain: false });
  }
}

/** Column aliases (`FROM t AS x(a, b)`) rename the leading columns. */
function aliasColumns(alias: AstNode, columns: readonly string[] | undefined): readonly string[] | undefined {
  const names = (alias?.colnames as AstNode[] | undefined)?.map(sval);
  if (!names?.length || !columns) return columns;
  return columns.map((c, i) => names[i] ?? c);
}

/** `*` / `t.*` as the column list PostgreSQL stores, or undefined when a relation's columns are unknown. */
function starColumns(fields: AstNode[], scope: Scope): AstNode[] | undefined {
  const q = fields.length === 2 ? sval(fields[0]) : undefined;
  const entries = q !== undefined ? scope.filter((e) => e.refname === q) : scope;
  if (!entries.length || entries.some((e) => !e.plain || !e.columns)) return undefined;
  const qualify = scope.length > 1 || q !== undefined;
  return entries.flatMap((e) => e.columns!.map((c) => ({ ResTarget: { val: colRef(qualify ? [e.refname, c] : [c]) } })));
}

/** The column an unaliased output column is named after: a column, or a column cast (`b::text` is named `b`). */
function namingFields(val: AstNode): AstNode[] | undefined {
  let v = val;
  while (v?.TypeCast) v = v.TypeCast.arg;
  return v?.ColumnRef?.fields as AstNode[] | undefined;
}

function targetList(list: AstNode[] | undefined, scope: Scope, chain: readonly Scope[], w: Walk): AstNode[] | undefined {
  if (!list) return list;
  const out: AstNode[] = [];
  for (const t of list) {
    const rt = t.ResTarget;
    const fields = rt?.val?.ColumnRef?.fields as AstNode[] | undefined;
    if (w.expandStars && fields && isStar(fields[fields.length - 1])) {
      const expanded = starColumns(fields, scope);
      if (expanded) {
        out.push(...expanded);
        w.changed = true;
        continue;
      }
    }
    const naming = namingFields(rt?.val);
    const before = naming ? sval(naming[naming.length - 1]) : undefined;
    expr(rt?.val, chain, w);
    // A renamed column keeps the view's output name, as pg_get_viewdef prints `b AS a` (`b::text AS a`).
    if (naming && rt.name === undefined && before !== undefined && sval(naming[naming.length - 1]) !== before) rt.name = before;
    out.push(t);
  }
  return out;
}

/** Walks a SELECT (set operations, WITH, FROM, then its clauses) inside the `outer` scopes. */
export function select(sel: AstNode, outer: readonly Scope[], w: Walk): void {
  if (sel.op && sel.op !== 'SETOP_NONE') {
    select(sel.larg, outer, w);
    select(sel.rarg, outer, w);
    return;
  }
  const ctes = new Map<string, readonly string[] | undefined>();
  w.ctes.push(ctes);
  try {
    for (const c of (sel.withClause?.ctes as AstNode[] | undefined) ?? []) {
      const cte = c.CommonTableExpr;
      expr(cte.ctequery, outer, w);
      const named = (cte.aliascolnames as AstNode[] | undefined)?.map(sval);
      const columns = outputNames(cte.ctequery?.SelectStmt);
      ctes.set(cte.ctename, named?.length && columns ? columns.map((col, i) => named[i] ?? col) : columns);
    }
    const scope: Scope = [];
    const quals: AstNode[] = [];
    for (const item of (sel.fromClause as AstNode[] | undefined) ?? []) fromItem(item, scope, outer, quals, w);
    const chain = [scope, ...outer];
    for (const q of quals) expr(q, chain, w);
    sel.targetList = targetList(sel.targetList, scope, chain, w);
    if (w.expandStars) resolveOutputReferences(sel, scope, w);
    for (const k of ['whereClause', 'groupClause', 'havingClause', 'sortClause', 'distinctClause', 'windowClause', 'valuesLists', 'limitCount', 'limitOffset']) {
      if (sel[k] !== undefined) expr(sel[k], chain, w);
    }
  } finally {
    w.ctes.pop();
  }
}

/** A SELECT's output column names (a set operation's are its leftmost arm's), or undefined while a `*` is left. */
function outputNames(sel: AstNode): string[] | undefined {
  while (sel?.op && sel.op !== 'SETOP_NONE') sel = sel.larg;
  if (!sel?.targetList) return undefined;
  const out: string[] = [];
  for (const t of sel.targetList as AstNode[]) {
    const fields = t.ResTarget?.val?.ColumnRef?.fields as AstNode[] | undefined;
    if (!t.ResTarget || (fields && isStar(fields[fields.length - 1]))) return undefined;
    out.push(t.ResTarget.name ?? figureColname(t.ResTarget.val));
  }
  return out;
}

/**
 * The select-list item a GROUP BY / ORDER BY item names (findTargetlistEntrySQL92): a position
 * (`GROUP BY 1`), or a bare name: in ORDER BY an output name first, in GROUP BY only a name
 * that is no input column (every input column must be known to tell).
 */
function outputReference(item: AstNode, targets: AstNode[], scope: Scope, groupBy: boolean): AstNode | undefined {
  const position = item?.A_Const?.ival;
  if (position !== undefined) return targets[Number(position.ival ?? 0) - 1]?.ResTarget?.val;
  const fields = item?.ColumnRef?.fields as AstNode[] | undefined;
  const name = fields?.length === 1 ? sval(fields[0]) : undefined;
  if (name === undefined) return undefined;
  if (groupBy && scope.some((e) => !e.columns || e.columns.includes(name))) return undefined;
  const named = targets.filter((t) => t.ResTarget && (t.ResTarget.name ?? figureColname(t.ResTarget.val)) === name);
  return named.length === 1 ? named[0].ResTarget.val : undefined;
}

/** pg_get_viewdef prints the expression a GROUP BY / ORDER BY item stands for, never an output name or position. */
function resolveOutputReferences(sel: AstNode, scope: Scope, w: Walk): void {
  const targets = (sel.targetList as AstNode[] | undefined) ?? [];
  // A `*` left unexpanded hides which item a position or name stands for.
  if (!outputNames(sel)) return;
  const resolve = (item: AstNode, groupBy: boolean): AstNode => {
    const val = outputReference(item, targets, scope, groupBy);
    if (val === undefined) return item;
    w.changed = true;
    return structuredClone(val);
  };
  if (Array.isArray(sel.groupClause)) sel.groupClause = sel.groupClause.map((g: AstNode) => resolve(g, true));
  for (const s of (sel.sortClause as AstNode[] | undefined) ?? []) if (s.SortBy) s.SortBy.node = resolve(s.SortBy.node, false);
}

function rewrite(definition: string, w: Walk): string | undefined {
  const [stmt] = parseSql(definition);
  const body = stmt?.stmt?.SelectStmt;
  if (!body) return undefined;
  select(body, [], w);
  return w.changed ? deparseNode(stmt.stmt) : undefined;
}

/**
 * A view's definition after a rename, or undefined when the view does not use the renamed
 * relation or column. `columnsOf` answers for the other relations in scope (unqualified names).
 */
export function renameInViewQuery(definition: string, rename: ViewRename, columnsOf: ColumnsOf, defaultSchema = 'public'): string | undefined {
  return rewrite(definition, { rename, columnsOf, defaultSchema, expandStars: false, ctes: [], changed: false });
}

/**
 * A new view's definition with `*` and `t.*` expanded into the columns the relations have now,
 * as PostgreSQL stores it (columns added later do not appear in the view); undefined when there
 * is no star to expand or a relation's columns are unknown.
 */
export function expandViewStars(definition: string, columnsOf: ColumnsOf, defaultSchema = 'public'): string | undefined {
  return rewrite(definition, { columnsOf, defaultSchema, expandStars: true, ctes: [], changed: false });
}

/**
 * An expression (a policy's USING) with `*` of its sub-selects expanded into the columns the
 * relations have now, as PostgreSQL stores it (`EXISTS (SELECT * FROM u)` prints `EXISTS (SELECT
 * id, v FROM u)`); undefined when there is no star to expand or a relation's columns are unknown.
 */
export function expandExpressionStars(expression: string, columnsOf: ColumnsOf, defaultSchema = 'public'): string | undefined {
  return expandViewStars(`SELECT (${expression})`, columnsOf, defaultSchema)?.replace(/^SELECT /, '');
}

/**
 * Does a view's query use the relation or the column (resolved as the parser does)? PostgreSQL
 * refuses to change the type of a column a view uses, and to drop a view another view uses.
 */
export function viewUses(definition: string, object: { schema: string; relation: string; column?: string }, columnsOf: ColumnsOf, defaultSchema = 'public'): boolean {
  const rename: ViewRename =
    object.column === undefined
      ? { kind: 'relation', schema: object.schema, from: object.relation, to: object.relation }
      : { kind: 'column', schema: object.schema, table: object.relation, from: object.column, to: object.column };
  const w: Walk = { rename, columnsOf, defaultSchema, expandStars: false, ctes: [], changed: false };
  const [stmt] = parseSql(definition);
  const body = stmt?.stmt?.SelectStmt;
  if (body) select(body, [], w);
  return w.changed;
}

/** The name PostgreSQL gives an unaliased select-list item, or undefined for `?column?`. */
function figureName(val: AstNode): string | undefined {
  const name = figureColname(val);
  return name === UNNAMED_COLUMN ? undefined : name;
}

/** A view's output column names from its query, or undefined when one cannot be told (`*`, `?column?`). */
export function viewOutputColumns(definition: string): string[] | undefined {
  const [stmt] = parseSql(definition);
  let sel = stmt?.stmt?.SelectStmt;
  while (sel?.op && sel.op !== 'SETOP_NONE') sel = sel.larg;
  const out: string[] = [];
  for (const t of (sel?.targetList as AstNode[] | undefined) ?? []) {
    const fields = t.ResTarget?.val?.ColumnRef?.fields as AstNode[] | undefined;
    if (fields && isStar(fields[fields.length - 1])) return undefined;
    const name = t.ResTarget?.name ?? figureName(t.ResTarget?.val);
    if (name === undefined) return undefined;
    out.push(name);
  }
  return sel ? out : undefined;
}

/**
 * A view's definition with output names given to the leftmost SELECT's columns (which name a
 * set operation's columns), as pg_get_viewdef prints a view made with a column list
 * (`CREATE VIEW v (x, y) AS SELECT a, b` is `SELECT a AS x, b AS y`) or renamed by ALTER VIEW ..
 * RENAME COLUMN. `names[i]` undefined leaves column i as it is.
 */
export function viewWithOutputNames(definition: string, names: readonly (string | undefined)[]): string {
  const [stmt] = parseSql(definition);
  let sel = stmt?.stmt?.SelectStmt;
  while (sel?.op && sel.op !== 'SETOP_NONE') sel = sel.larg;
  if (!stmt || !sel) return definition;
  ((sel.targetList as AstNode[] | undefined) ?? []).forEach((t, i) => {
    const fields = t.ResTarget?.val?.ColumnRef?.fields as AstNode[] | undefined;
    if (names[i] !== undefined && t.ResTarget && !(fields && isStar(fields[fields.length - 1]))) t.ResTarget.name = names[i];
  });
  return deparseNode(stmt.stmt);
}
