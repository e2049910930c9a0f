import { quoteIdent, quoteLiteral } from '../../model/names.js';
import { type AstNode, deparseNode } from '../libpg.js';
import { canonicalExprNode, canonicalQueryNode } from '../normalize-expr.js';

/** Planner attributes of a routine PostgreSQL stores in pg_proc (all left at their defaults: none). */
export interface RoutineAttributes {
  leakproof?: boolean;
  parallel?: 'safe' | 'restricted';
  cost?: string;
  rows?: string;
  config?: readonly string[];
}

/** `COST` PostgreSQL assumes when none is given: 1 for C and internal functions, 100 for the rest. */
const defaultCost = (language: string): number => (language === 'c' || language === 'internal' ? 1 : 100);

/** A number as pg_get_functiondef prints it (`%g`): `1000`, `0.5`. */
export const numberText = (arg: AstNode): string => String(Number(arg?.Integer?.ival ?? arg?.Float?.fval ?? 0));

/** The values of `SET name = v1, v2` as text: PostgreSQL stores them flattened and prints each as a literal. */
function settingValues(set: AstNode): string[] {
  return (set.args ?? []).map((a: AstNode) => {
    const c = a.A_Const ?? {};
    if (c.sval !== undefined) return String(c.sval.sval ?? '');
    if (c.ival !== undefined) return String(c.ival.ival ?? 0);
    if (c.fval !== undefined) return String(c.fval.fval ?? '0');
    if (c.boolval !== undefined) return c.boolval.boolval ? 'on' : 'off';
    return deparseNode(a);
  });
}

/**
 * LEAKPROOF, PARALLEL, COST, ROWS and `SET name TO value` of CREATE FUNCTION / PROCEDURE, the way
 * pg_get_functiondef prints them back: defaults (not leakproof, PARALLEL UNSAFE, COST 100 or 1,
 * ROWS 1000) left out; each SET as `name TO 'v1', 'v2'` with the setting name in lower case
 * (PostgreSQL stores its own spelling, `TimeZone`, and matches names case-insensitively), a
 * repeated one replacing the earlier in place as PostgreSQL's proconfig does.
 */
export function routineAttributes(opts: ReadonlyMap<string, AstNode>, sets: readonly AstNode[], language: string): RoutineAttributes {
  const out: RoutineAttributes = {};
  if (opts.get('leakproof')?.Boolean?.boolval) out.leakproof = true;
  const parallel = opts.get('parallel')?.String?.sval?.toLowerCase();
  if (parallel === 'safe' || parallel === 'restricted') out.parallel = parallel;
  const cost = opts.get('cost');
  if (cost !== undefined && Number(numberText(cost)) !== defaultCost(language)) out.cost = numberText(cost);
  const rows = opts.get('rows');
  if (rows !== undefined && Number(numberText(rows)) !== 1000 && Number(numberText(rows)) !== 0) out.rows = numberText(rows);
  const config = new Map<string, string>();
  for (const set of sets) {
    const [name, text] = settingEntry(set);
    config.set(name, text);
  }
  if (config.size) out.config = [...config.values()];
  return out;
}

/** A `SET name TO v` clause as proconfig prints it: the lower-case name and `name TO 'v1', 'v2'` (or `FROM CURRENT`). */
export function settingEntry(set: AstNode): [string, string] {
  const name = String(set.name).toLowerCase();
  const value = set.kind === 'VAR_SET_CURRENT' ? 'FROM CURRENT' : `TO ${settingValues(set).map(quoteLiteral).join(', ')}`;
  return [name, `${quoteIdent(name)} ${value}`];
}

/**
 * A SQL-standard body (`RETURN expr` or `BEGIN ATOMIC ...; END`): the canonical text compared
 * (PostgreSQL stores it parsed and prints it back qualified and parenthesised) and the text to
 * execute, as written.
 */
export function sqlStandardBody(sqlBody: AstNode): { body: string; sqlBody: string } {
  if (sqlBody.ReturnStmt) {
    const expr = sqlBody.ReturnStmt.returnval;
    return { body: `RETURN ${canonicalExprNode(expr)}`, sqlBody: `RETURN ${deparseNode(expr)}` };
  }
  const statements: AstNode[] = (sqlBody.List?.items?.[0]?.List?.items ?? []).filter((n: AstNode) => Object.keys(n).length > 0);
  const block = (print: (n: AstNode) => string): string => `BEGIN ATOMIC ${statements.map((n) => `${print(n)}; `).join('')}END`;
  return { body: block(canonicalQueryNode), sqlBody: block(deparseNode) };
}
