/**
 * Rule actions in canonical form. PostgreSQL keeps a rule's actions as parsed trees and prints
 * them (pg_get_ruledef) with what the parser filled in: an INSERT's target columns always listed,
 * every column qualified. Both the migration's actions and the printed ones go through here.
 */
import { type AstNode, deparseNode, parseSql } from './libpg.js';
import { canonicalExprNode, canonicalRuleActionNode, writtenExprNode } from './normalize-expr.js';
import { ruleWhereNames } from './range-names.js';
import { type ColumnsOf, type Entry, expr, fromItem, type Scope, select, type ViewRename, type Walk } from './rewrite-view.js';

/** An INSERT without a column list gets its table's leading columns, as many as it gives values. */
function withInsertColumns(stmt: AstNode, columnsOf: ColumnsOf, defaultSchema: string): AstNode {
  const ins = stmt?.InsertStmt;
  if (!ins || ins.cols?.length || !ins.relation) return stmt;
  const sel = ins.selectStmt?.SelectStmt;
  const width = sel?.valuesLists?.[0]?.List?.items?.length ?? sel?.targetList?.length;
  const columns = columnsOf(ins.relation.schemaname ?? defaultSchema, ins.relation.relname);
  if (width === undefined || !columns || columns.length < width) return stmt;
  const cols = columns.slice(0, width).map((name) => ({ ResTarget: { name } }));
  return { InsertStmt: { ...ins, cols } };
}

/** The canonical text of a rule's actions (statements as SQL text), `;`-separated; empty for NOTHING. */
export function canonicalRuleActions(actions: readonly string[], columnsOf: ColumnsOf, defaultSchema = 'public'): string {
  return actions
    .map((sql) => {
      const [raw] = parseSql(sql);
      return raw ? canonicalRuleActionNode(withInsertColumns(raw.stmt, columnsOf, defaultSchema)) : '';
    })
    .join('; ');
}

/** The DO clause's actions as one executable text: NOTHING, one statement, or `(a; b)`. */
export function ruleActionsSql(actions: readonly string[]): string {
  if (!actions.length) return 'NOTHING';
  return actions.length === 1 ? actions[0]! : `(${actions.join('; ')})`;
}

/** The statements of a DO clause's text (what {@link ruleActionsSql} wrote). */
function parseActions(actionsSql: string): AstNode[] {
  const [raw] = parseSql(`CREATE RULE _ AS ON INSERT TO _ DO ALSO ${actionsSql}`);
  return raw?.stmt?.RuleStmt?.actions ?? [];
}

/** A relation's new name, or undefined when the rename does not touch it. */
export type RelationMove = (schema: string, name: string) => { readonly schema: string; readonly name: string } | undefined;

function moveRefs(node: AstNode, move: RelationMove, defaultSchema: string): boolean {
  if (Array.isArray(node)) return node.map((n) => moveRefs(n, move, defaultSchema)).some(Boolean);
  if (node === null || typeof node !== 'object') return false;
  let changed = false;
  // A RangeVar's body (INSERT / UPDATE / DELETE targets are bare ones; the walk reaches wrapped ones' bodies).
  const rv = typeof node.relname === 'string' ? node : undefined;
  if (rv) {
    const to = move(rv.schemaname ?? defaultSchema, rv.relname);
    if (to) {
      // The catalog prints a relation of the default schema unqualified.
      if (to.schema === defaultSchema) delete rv.schemaname;
      else rv.schemaname = to.schema;
      rv.relname = to.name;
      changed = true;
    }
  }
  const fields = node.ColumnRef?.fields;
  if (Array.isArray(fields) && fields.length === 2 && typeof fields[0]?.String?.sval === 'string') {
    const to = move(defaultSchema, fields[0].String.sval);
    if (to) {
      fields[0].String.sval = to.name;
      changed = true;
    }
  }
  for (const v of Object.values(node)) if (moveRefs(v, move, defaultSchema)) changed = true;
  return changed;
}

/**
 * A rule's actions after a relation they mention was renamed or moved: PostgreSQL keeps them as
 * trees that reference relations by OID, so pg_get_ruledef prints the new name. The statements
 * as text, or undefined when none changed.
 */
export function moveRelationInRuleActions(actionsSql: string, move: RelationMove, defaultSchema = 'public'): string[] | undefined {
  const actions = parseActions(actionsSql);
  if (!moveRefs(actions, move, defaultSchema)) return undefined;
  return actions.map((a) => deparseNode(a));
}

/** A column rename the history made (see ViewRename). */
type ColumnRename = Extract<ViewRename, { kind: 'column' }>;

/** The names a rule statement's target relation gives: its alias or name, and whether it is the renamed table. */
function targetEntry(rv: AstNode, r: ColumnRename, w: Walk): Entry {
  const schema: string = rv.schemaname ?? w.defaultSchema;
  return { refname: rv.alias?.aliasname ?? rv.relname, columns: w.columnsOf(schema, rv.relname), target: schema === r.schema && rv.relname === r.table, plain: true };
}

/** One action after the rename: INSERT / UPDATE column names of the renamed table, and every column reference, resolved as the parser does. */
function renameInAction(stmt: AstNode, newOld: Scope, r: ColumnRename, w: Walk): void {
  if (stmt.SelectStmt) return select(stmt.SelectStmt, [newOld], w);
  const dml = stmt.InsertStmt ?? stmt.UpdateStmt ?? stmt.DeleteStmt;
  if (!dml?.relation) return;
  const entry = targetEntry(dml.relation, r, w);
  const named: AstNode[] = (stmt.InsertStmt ? dml.cols : stmt.UpdateStmt ? dml.targetList : undefined) ?? [];
  // PostgreSQL fills in an INSERT's column list when the rule is made: the canonical text lists the new name.
  if (entry.target && stmt.InsertStmt && !named.length) w.changed = true;
  for (const t of entry.target ? named : []) {
    if (t.ResTarget?.name !== r.from) continue;
    t.ResTarget.name = r.to;
    w.changed = true;
  }
  if (stmt.InsertStmt) {
    // The inserted rows are computed without the target in scope.
    if (dml.selectStmt?.SelectStmt) select(dml.selectStmt.SelectStmt, [newOld], w);
    return expr(dml.returningList, [[entry], newOld], w);
  }
  const scope: Scope = [entry];
  const quals: AstNode[] = [];
  for (const item of (dml.fromClause ?? dml.usingClause ?? []) as AstNode[]) fromItem(item, scope, [newOld], quals, w);
  const chain = [scope, newOld];
  for (const q of quals) expr(q, chain, w);
  for (const t of (dml.targetList ?? []) as AstNode[]) expr(t.ResTarget?.val, chain, w);
  for (const k of ['whereClause', 'returningList']) expr(dml[k], chain, w);
}

/**
 * A rule's condition and actions after a column rename: PostgreSQL keeps them as trees that name
 * columns by number, so pg_get_ruledef prints the new name (`new.b` of the rule's relation,
 * `INSERT INTO log (y)`, `UPDATE log SET y`, a select-list item keeping its output name as
 * `new.c AS b`). `NEW` and `OLD` are the rule's relation. Undefined when the rule does not use the column.
 */
export function renameColumnInRule(
  rule: { readonly schema: string; readonly table: string; readonly whereSql?: string; readonly actionsSql: string },
  rename: ColumnRename,
  columnsOf: ColumnsOf,
  defaultSchema = 'public',
): { readonly where?: { readonly canonical: string; readonly written: string }; readonly actions: string[] } | undefined {
  const [raw] = parseSql(`CREATE RULE _ AS ON INSERT TO _ ${rule.whereSql !== undefined ? `WHERE ${rule.whereSql}` : ''} DO ALSO ${rule.actionsSql}`);
  const stmt = raw?.stmt?.RuleStmt;
  if (!stmt) return undefined;
  const w: Walk = { rename, columnsOf, defaultSchema, expandStars: false, ctes: [], changed: false };
  const own = rule.schema === rename.schema && rule.table === rename.table;
  const columns = columnsOf(rule.schema, rule.table);
  const newOld: Scope = ['new', 'old'].map((refname) => ({ refname, columns, target: own, plain: false }));
  if (stmt.whereClause) expr(stmt.whereClause, [newOld], w);
  const whereChanged = w.changed;
  const actions: AstNode[] = stmt.actions ?? [];
  for (const a of actions) renameInAction(a, newOld, rename, w);
  if (!w.changed) return undefined;
  return {
    ...(whereChanged ? { where: { canonical: canonicalExprNode(stmt.whereClause, ruleWhereNames(actions)), written: writtenExprNode(stmt.whereClause) } } : {}),
    actions: actions.map((a) => deparseNode(a)),
  };
}
