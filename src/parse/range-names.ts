/**
 * Range-table names as pg_get_viewdef gives them (ruleutils.c, set_rtable_names): every FROM item
 * of a query level is printed under a name unique among that level and the levels around it, so
 * a sub-select over the table the outer query reads (`.. WHERE id IN (SELECT max(id) FROM
 * points)`) comes back as `FROM points points_1`. Written queries rarely say so; giving them
 * the same names makes the written query and the printed one compare equal. A query printed by
 * PostgreSQL already has unique names and is left as it is.
 */
import type { AstNode } from './libpg.js';

/** A query level's FROM-item names: as written (what qualifiers say) to as printed. */
type Level = Map<string, string>;

const sval = (n: AstNode): string | undefined => n?.String?.sval;

/** The name a FROM item is known by (its alias, else the relation or function name), and the node holding its alias. */
function refname(item: AstNode): { name: string; holder: AstNode } | undefined {
  const [kind] = Object.keys(item);
  const body = item[kind!];
  const alias = body?.alias?.aliasname as string | undefined;
  if (alias !== undefined) return { name: alias, holder: body };
  switch (kind) {
    case 'RangeVar':
      return { name: body.relname, holder: body };
    case 'RangeFunction': {
      // A single function is known by its name; ROWS FROM (..) of several has none of its own.
      const fns = body.functions as AstNode[] | undefined;
      const call = fns?.length === 1 ? fns[0]?.List?.items?.[0]?.FuncCall : undefined;
      const name = call ? sval((call.funcname as AstNode[]).at(-1)) : undefined;
      return name === undefined ? undefined : { name, holder: body };
    }
    default:
      return undefined;
  }
}

/** The FROM items of a level in range-table order (a join's two sides, then the join). */
function fromItems(list: AstNode[] | undefined, out: AstNode[] = []): AstNode[] {
  for (const item of list ?? []) {
    if (item?.JoinExpr) {
      fromItems([item.JoinExpr.larg, item.JoinExpr.rarg], out);
      out.push(item);
    } else out.push(item);
  }
  return out;
}

/** set_rtable_names for one level: names already taken around it keep theirs, a clash gets `_N`. */
function nameLevel(items: AstNode[], taken: ReadonlySet<string>): { level: Level; names: Set<string> } {
  const names = new Set(taken);
  const counters = new Map<string, number>();
  const level: Level = new Map();
  for (const item of items) {
    const ref = refname(item);
    if (!ref) continue;
    let name = ref.name;
    if (names.has(name)) {
      let n = counters.get(name) ?? 0;
      do name = `${ref.name}_${++n}`;
      while (names.has(name));
      counters.set(ref.name, n);
      const alias = ref.holder.alias ?? {};
      ref.holder.alias = { ...alias, aliasname: name };
    }
    names.add(name);
    if (!level.has(ref.name)) level.set(ref.name, name);
  }
  return { level, names };
}

/** Renames the qualifier of a column reference to the printed name of the FROM item it resolves to (innermost first). */
function columnRef(fields: AstNode[], chain: readonly Level[]): void {
  if (fields.length !== 2) return;
  const q = sval(fields[0]);
  if (q === undefined) return;
  for (const level of chain) {
    const printed = level.get(q);
    if (printed === undefined) continue;
    if (printed !== q) fields[0] = { String: { sval: printed } };
    return;
  }
}

/** Walks an expression of a level: column references resolve through `chain`, sub-selects nest. */
function expr(node: AstNode, chain: readonly Level[], taken: ReadonlySet<string>): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) expr(x, chain, taken);
    return;
  }
  if (node.SelectStmt) return select(node.SelectStmt, chain, taken);
  if (node.ColumnRef) return columnRef(node.ColumnRef.fields, chain);
  for (const v of Object.values(node)) expr(v, chain, taken);
}

/** One query level, then the levels inside it (which see every name of this one and of those around it). */
function select(sel: AstNode, outer: readonly Level[], taken: ReadonlySet<string>): void {
  if (sel.op && sel.op !== 'SETOP_NONE') {
    select(sel.larg, outer, taken);
    select(sel.rarg, outer, taken);
    return;
  }
  const items = fromItems(sel.fromClause);
  const { level, names } = nameLevel(items, taken);
  const chain = [level, ...outer];
  for (const c of (sel.withClause?.ctes as AstNode[] | undefined) ?? []) expr(c.CommonTableExpr.ctequery, chain, names);
  for (const item of items) {
    if (item.JoinExpr) expr(item.JoinExpr.quals, chain, names);
    else if (item.RangeSubselect) expr(item.RangeSubselect.subquery, chain, names);
    else if (item.RangeFunction) expr(item.RangeFunction.functions, chain, names);
  }
  for (const [k, v] of Object.entries(sel)) {
    if (k !== 'fromClause' && k !== 'withClause' && k !== 'larg' && k !== 'rarg') expr(v, chain, names);
  }
}

/**
 * Gives every FROM item of a query (a SelectStmt, or an UPDATE / DELETE / INSERT, changed in
 * place) the name pg_get_viewdef prints it under, and its column references the same qualifier.
 * `taken`: names of the context (a rule's `old` and `new`); the target of DML shares its level
 * (`UPDATE t SET n = (SELECT max(n) FROM t)` prints `FROM t t_1`).
 */
export function printedRangeNames(stmt: AstNode, taken: readonly string[] = []): void {
  const body = stmt?.UpdateStmt ?? stmt?.DeleteStmt ?? stmt?.InsertStmt;
  if (stmt?.SelectStmt) select(stmt.SelectStmt, [], new Set(taken));
  else if (body) dml(body, new Set(taken));
}

/**
 * Gives the FROM items of every sub-select of an expression (changed in place) the names
 * pg_get_expr prints them under: `outer` are the names the expression itself sees (a policy's
 * table), so `USING (id = (SELECT max(id) FROM t))` on t prints `FROM t t_1`.
 */
export function printedSubselectNames(node: AstNode, outer: readonly string[]): void {
  expr(node, [], new Set(outer));
}

/** The name a DML statement's target relation is known by (its alias, else its name). */
const targetName = (rel: AstNode): string[] => (rel ? [rel.alias?.aliasname ?? rel.relname] : []);

/**
 * The names a rule's WHERE is printed under (pg_get_ruledef prints it in the first action's
 * context): `old`, `new` and the first action's target (`DO UPDATE t ..` makes a sub-select's
 * `FROM t` print as `t t_1`), or a SELECT action's FROM items.
 */
export function ruleWhereNames(actions: readonly AstNode[]): string[] {
  const [first] = actions;
  const dml = first?.UpdateStmt ?? first?.DeleteStmt ?? first?.InsertStmt;
  const sel = first?.SelectStmt;
  const own = dml ? targetName(dml.relation) : sel ? fromItems(sel.fromClause).flatMap((i) => refname(i)?.name ?? []) : [];
  return ['old', 'new', ...own];
}

/** DML (an UPDATE, DELETE or INSERT of a rule action or SQL-standard body): the target and FROM / USING items are one level. */
function dml(body: AstNode, taken: ReadonlySet<string>): void {
  const items = fromItems(body.fromClause ?? body.usingClause);
  const { level, names } = nameLevel(items, new Set([...taken, ...targetName(body.relation)]));
  for (const [k, v] of Object.entries(body)) if (k !== 'relation') expr(v, [level], names);
}
