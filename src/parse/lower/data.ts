import type { DataDdl, NameRef } from '../ddl.js';
import { type AstNode, strList, unwrap } from '../libpg.js';
import { rangeVarName } from './constraint.js';

/** Everything a data statement mentions: RangeVars (minus CTE names) and called function names. */
function collect(node: AstNode, out: { rels: NameRef[]; ctes: Set<string>; calls: string[]; subquery: boolean }): void {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'RangeVar') {
      const ref = rangeVarName(value);
      if (ref.schema !== undefined || !out.ctes.has(ref.name)) out.rels.push(ref);
      continue;
    }
    if (key === 'CommonTableExpr') out.ctes.add((value as { ctename: string }).ctename);
    if (key === 'FuncCall') out.calls.push(strList((value as { funcname: AstNode[] }).funcname).join('.'));
    if (key === 'SubLink') out.subquery = true;
    collect(value, out);
  }
}

/** A constant's text for comparing seed rows (casts stripped); null for NULL, undefined for anything else. */
function literalKey(node: AstNode): string | null | undefined {
  const [type, v] = unwrap(node);
  if (type === 'TypeCast') return literalKey(v.arg);
  if (type !== 'A_Const') return undefined;
  if (v.isnull) return null;
  if (v.sval) return v.sval.sval ?? '';
  if (v.ival) return String(v.ival.ival ?? 0);
  if (v.fval) return String(v.fval.fval);
  if (v.boolval) return String(!!v.boolval.boolval);
  if (v.bsval) return String(v.bsval.bsval);
  return undefined;
}

/** Whether a VALUES item reads nothing: constants, casts, arrays, operators and built-in calls over them. */
function readsNothing(node: AstNode): boolean {
  const found = { rels: [] as NameRef[], ctes: new Set<string>(), calls: [] as string[], subquery: false };
  collect(node, found);
  return !found.subquery && !found.rels.length && !JSON.stringify(node).includes('"ColumnRef"');
}

/** The plain `INSERT .. VALUES` part of an insert: named columns and literal rows, if it is one. */
function plainInsert(s: AstNode): DataDdl['insert'] {
  const select = s.selectStmt?.SelectStmt;
  if (!select?.valuesLists || s.withClause || select.withClause) return undefined;
  const rows = (select.valuesLists as AstNode[]).map((l) => (l.List?.items ?? []) as AstNode[]);
  if (!rows.every((r) => r.every(readsNothing))) return undefined;
  const columns = ((s.cols ?? []) as AstNode[]).map((c) => {
    const rt = c.ResTarget;
    return rt.indirection ? undefined : (rt.name as string);
  });
  if (columns.some((c) => c === undefined)) return undefined;
  return { columns: columns as string[], rows: rows.map((r) => r.map(literalKey)) };
}

/** The column names a node mentions (the last field of each column reference). */
function columnNames(node: AstNode, out: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => columnNames(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      const last = key === 'ColumnRef' ? (value as { fields: AstNode[] }).fields.at(-1) : undefined;
      if (last?.String) out.add(last.String.sval as string);
      else columnNames(value, out);
    }
  }
  return out;
}

/**
 * The columns an UPDATE, DELETE or TRUNCATE names, when it changes one table's rows reading
 * nothing but each row itself: then PostgreSQL gives the same result on the same rows anywhere.
 */
function rowEdit(type: string, s: AstNode, found: { rels: readonly NameRef[]; subquery: boolean }): DataDdl['edit'] {
  if (type === 'TruncateStmt') return (s.relations ?? []).length === 1 && s.behavior !== 'DROP_CASCADE' ? { columns: [] } : undefined;
  if (type !== 'UpdateStmt' && type !== 'DeleteStmt') return undefined;
  if (found.rels.length || found.subquery || s.withClause || s.fromClause || s.usingClause) return undefined;
  if (JSON.stringify(s.whereClause ?? {}).includes('"CurrentOfExpr"')) return undefined;
  const names = columnNames([s.whereClause ?? [], s.targetList ?? []], new Set());
  for (const t of (s.targetList ?? []) as AstNode[]) names.add(t.ResTarget.name as string);
  return { columns: [...names] };
}

const TARGETED: Record<string, string> = {
  InsertStmt: 'INSERT', UpdateStmt: 'UPDATE', DeleteStmt: 'DELETE', MergeStmt: 'MERGE', CopyStmt: 'COPY', TruncateStmt: 'TRUNCATE',
};

/**
 * Lowers a statement that changes rows rather than schema, or undefined when the statement has
 * no effect worth reporting (a SELECT calling no function, COPY .. TO a client).
 */
export function lowerData(type: string, s: AstNode): DataDdl | undefined {
  const found = { rels: [] as NameRef[], ctes: new Set<string>(), calls: [] as string[], subquery: false };
  collect(s.withClause ?? [], found);
  found.rels = [];
  collect(s, found);
  const calls = [...new Set(found.calls)];
  if (type === 'SelectStmt') {
    if (s.intoClause) return undefined;
    return calls.length ? { kind: 'data', verb: 'SELECT', targets: [], reads: found.rels, calls } : undefined;
  }
  const verb = TARGETED[type]!;
  if (type === 'CopyStmt' && !s.is_from) return undefined;
  const targets: NameRef[] = type === 'TruncateStmt' ? ((s.relations ?? []) as AstNode[]).map((r) => rangeVarName(r.RangeVar)) : s.relation ? [rangeVarName(s.relation)] : [];
  const same = (a: NameRef, b: NameRef): boolean => a.name === b.name && a.schema === b.schema;
  const reads = found.rels.filter((r) => !targets.some((t) => same(t, r)));
  const insert = type === 'InsertStmt' ? plainInsert(s) : undefined;
  const edit = rowEdit(type, s, found);
  return { kind: 'data', verb, targets, reads, calls, ...(insert ? { insert } : {}), ...(edit ? { edit } : {}) };
}
