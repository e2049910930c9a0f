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
  return deparseSync(node, { pretty: false });
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
