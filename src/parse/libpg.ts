/**
 * The one place that loads libpg-query and pgsql-deparser. Their AST is handled as loose JSON
 * (`AstNode`) inside `src/parse` and never leaves it.
 */
import { loadModule, parsePlPgSQLSync, parseSync } from 'libpg-query';
import { deparseSync } from 'pgsql-deparser';

// The WASM module must be instantiated once before the synchronous API works.
await loadModule();

/** A libpg-query AST node: `{ NodeType: { ...fields } }` or a field object. Internal to src/parse. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AstNode = any;

/** A raw statement with its byte offset and length in the parsed text. */
export interface RawStatement {
  readonly stmt: AstNode;
  readonly location: number;
  readonly length: number | undefined;
}

/** Parses SQL with PostgreSQL's own grammar; throws libpg-query's SqlError on a syntax error. */
export function parseSql(sql: string): RawStatement[] {
  const result = parseSync(sql) as { stmts?: { stmt: AstNode; stmt_location?: number; stmt_len?: number }[] };
  return (result.stmts ?? []).map((s) => ({ stmt: s.stmt, location: s.stmt_location ?? 0, length: s.stmt_len }));
}

/** Parses a CREATE FUNCTION .. LANGUAGE plpgsql with PL/pgSQL's own grammar: its first function's tree. */
export function parsePlpgsql(sql: string): AstNode {
  const result = parsePlPgSQLSync(sql) as { plpgsql_funcs?: AstNode[] };
  return result.plpgsql_funcs?.[0];
}

/** Prints an AST node back to SQL on one line. */
export function deparseNode(node: AstNode): string {
  if (typeof node !== 'object' || node === null || !hasSetSubselect(node, false)) return deparseSync(node, { pretty: false });
  // pgsql-deparser prints the SET list of an UPDATE (or ON CONFLICT DO UPDATE) in a context that
  // reaches into its sub-selects, so `SET n = (SELECT max(v) AS m FROM u)` came out as `(SELECT m
  // = max(v) FROM u)`: another query. Each sub-select of a SET value is printed on its own.
  const subselects: string[] = [];
  const text = deparseSync(withSetPlaceholders(structuredClone(node), false, subselects), { pretty: false });
  return text.replace(/\bsub_select_placeholder_(\d+)\b/g, (_, i: string) => subselects[Number(i)]!);
}

/** Fields whose `targetList` is a SET list: an UPDATE's and an INSERT's ON CONFLICT DO UPDATE. */
const SET_HOLDERS = new Set(['UpdateStmt', 'onConflictClause']);
/** Sub-selects printed in their own parentheses: `(SELECT ..)`, `EXISTS (..)`, `ARRAY(..)`. */
const SELF_DELIMITED = new Set(['EXPR_SUBLINK', 'EXISTS_SUBLINK', 'ARRAY_SUBLINK']);

/** Does a tree hold a sub-select inside an UPDATE's (or ON CONFLICT's) SET values? */
function hasSetSubselect(node: AstNode, inSet: boolean): boolean {
  // Asked of every tree printed: a plain loop, no allocation (Object.entries doubled the cost of printing).
  if (Array.isArray(node)) {
    for (const n of node) if (typeof n === 'object' && n !== null && hasSetSubselect(n, inSet)) return true;
    return false;
  }
  if (inSet && node.SubLink) return true;
  for (const k in node) {
    const v = node[k];
    if (typeof v !== 'object' || v === null) continue;
    if (!inSet && SET_HOLDERS.has(k) && hasSetSubselect(v.targetList ?? [], true)) return true;
    if (hasSetSubselect(v, inSet)) return true;
  }
  return false;
}

/** Replaces (in place) each sub-select of a SET value by a placeholder column, its text pushed to `out`. */
function withSetPlaceholders(node: AstNode, inSet: boolean, out: string[]): AstNode {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((n) => withSetPlaceholders(n, inSet, out));
  if (inSet && node.SubLink) {
    // `x IN (SELECT ..)` is an operator expression: parenthesised where the placeholder stood.
    const text = deparseNode(node);
    out.push(SELF_DELIMITED.has(node.SubLink.subLinkType) ? text : `(${text})`);
    return { ColumnRef: { fields: [{ String: { sval: `sub_select_placeholder_${out.length - 1}` } }] } };
  }
  for (const [k, v] of Object.entries(node)) {
    if (SET_HOLDERS.has(k) && v && typeof v === 'object') {
      for (const [f, w] of Object.entries(v as AstNode)) (v as AstNode)[f] = withSetPlaceholders(w, f === 'targetList', out);
    } else node[k] = withSetPlaceholders(v, inSet, out);
  }
  return node;
}

/** The node type name and body of a wrapped node (`{ColumnRef: {...}}` -> ['ColumnRef', {...}]). */
export function unwrap(node: AstNode): [string, AstNode] {
  const key = Object.keys(node)[0];
  if (key === undefined) throw new Error('empty AST node');
  return [key, node[key]];
}

/** Reads the `sval` of a `{String: {sval}}` node. */
export function str(node: AstNode): string {
  return node?.String?.sval ?? '';
}

/** Reads a list of `{String}` nodes as plain strings. */
export function strList(nodes: AstNode[] | undefined): string[] {
  return (nodes ?? []).map(str);
}
