/**
 * View queries after a function or aggregate they call was renamed or moved: the stored query
 * references the routine by OID, so pg_get_viewdef prints its new name (schema-qualified off the
 * search path), and an unaliased call keeps its old output name (`app.cnt(*) AS tally`).
 */
import { type AstNode, deparseNode, parseSql } from './libpg.js';

interface Routine {
  readonly schema: string;
  readonly name: string;
}

const strNode = (s: string): AstNode => ({ String: { sval: s } });

/** Does a call name the routine (unqualified names resolve to `defaultSchema`)? */
function calls(fc: AstNode, r: Routine, defaultSchema: string): boolean {
  const names = ((fc.funcname ?? []) as AstNode[]).map((n) => n?.String?.sval as string);
  const name = names[names.length - 1];
  const schema = names.length > 1 ? names[names.length - 2] : defaultSchema;
  return name === r.name && schema === r.schema;
}

function visit(node: AstNode, from: Routine, to: Routine, defaultSchema: string): boolean {
  if (Array.isArray(node)) return node.map((n) => visit(n, from, to, defaultSchema)).some(Boolean);
  if (node === null || typeof node !== 'object') return false;
  let changed = false;
  const target = node.ResTarget;
  if (target && target.name === undefined && target.val?.FuncCall && calls(target.val.FuncCall, from, defaultSchema)) target.name = from.name;
  const fc = node.FuncCall;
  if (fc && calls(fc, from, defaultSchema)) {
    fc.funcname = to.schema === defaultSchema ? [strNode(to.name)] : [strNode(to.schema), strNode(to.name)];
    changed = true;
  }
  for (const v of Object.values(node)) if (visit(v, from, to, defaultSchema)) changed = true;
  return changed;
}

/** A view's definition with calls of `from` renamed to `to`, or undefined when it calls no such routine. */
export function renameRoutineInQuery(definition: string, from: Routine, to: Routine, defaultSchema = 'public'): string | undefined {
  const [stmt] = parseSql(definition);
  if (!stmt || !visit(stmt.stmt, from, to, defaultSchema)) return undefined;
  return deparseNode(stmt.stmt);
}
