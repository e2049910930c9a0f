/**
 * Rule actions in canonical form. PostgreSQL keeps a rule's actions as parsed trees and prints
 * them (pg_get_ruledef) with what the parser filled in: an INSERT's target columns always listed,
 * every column qualified. Both the migration's actions and the printed ones go through here.
 */
import { type AstNode, deparseNode, parseSql } from './libpg.js';
import { canonicalRuleActionNode } from './normalize-expr.js';
import type { ColumnsOf } from './rewrite-view.js';

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
      if (rv.schemaname !== undefined || to.schema !== defaultSchema) rv.schemaname = to.schema;
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
