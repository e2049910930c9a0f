import type { Tolerance } from '../ddl.js';
import { type AstNode, parsePlpgsql, parseSql, unwrap } from '../libpg.js';

/** One SQL statement a DO block runs, with its 1-based line inside the block's body. */
export interface DoStatement {
  readonly sql: string;
  readonly line: number;
  readonly tolerate?: Tolerance;
}

/**
 * What replay can follow of a DO block: its statements, when the block is plain DDL (or DML)
 * optionally behind catalog guards; otherwise why not. A DO block is code: replay does not run
 * it, it recognises the idempotent shapes migrations use in place of IF NOT EXISTS.
 */
export type DoBlockShape =
  | { readonly kind: 'statements'; readonly statements: readonly DoStatement[]; readonly bodyOffset: number }
  | { readonly kind: 'opaque'; readonly why: string };

/** What replay follows of a DO block, told next to a DO block it could not follow. */
export const DO_HINT =
  'Replay follows DO blocks made of plain statements, optionally behind IF [NOT] EXISTS (SELECT .. FROM pg_catalog ..) ' +
  'or EXCEPTION WHEN duplicate_object THEN NULL; write other logic as plain statements, or the target lacks what it does';

/** Error conditions that mean "the object is already there" (SQLSTATE class 42 duplicates). */
const DUPLICATE = new Set([
  'duplicate_object', 'duplicate_table', 'duplicate_column', 'duplicate_function', 'duplicate_schema',
  'duplicate_database', 'duplicate_alias', 'unique_violation',
]);

/** Error conditions that mean "the object is not there". */
const UNDEFINED = new Set(['undefined_object', 'undefined_table', 'undefined_column', 'undefined_function', 'invalid_schema_name']);

/** RAISE below ERROR (PostgreSQL's elog level 21) only prints: a guard's "already there" notice changes nothing. */
function printsOnly(raise: AstNode): boolean {
  return typeof raise.elog_level === 'number' && raise.elog_level < 21;
}

function option(s: AstNode, name: string): AstNode {
  return (s.args ?? []).find((a: AstNode) => a.DefElem?.defname === name)?.DefElem;
}

/** Every RangeVar under a node: the relations a guard's subquery reads. */
function rangeVars(node: AstNode, out: AstNode[] = []): AstNode[] {
  if (Array.isArray(node)) for (const n of node) rangeVars(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'RangeVar') out.push(v);
      else rangeVars(v, out);
    }
  }
  return out;
}

/** A relation of PostgreSQL's catalogs or information_schema: what a guard may look up. */
function isCatalog(rv: AstNode): boolean {
  const schema: string | undefined = rv.schemaname;
  if (schema === 'pg_catalog' || schema === 'information_schema') return true;
  return schema === undefined && /^pg_/.test(rv.relname ?? '');
}

/**
 * `[NOT] EXISTS (SELECT .. FROM <catalog> ..)` -> what the guarded statements may skip:
 * NOT EXISTS guards a creation (skipped when the object exists), EXISTS guards an alteration or
 * drop (skipped when it is missing). Any other condition depends on data: not followed.
 */
function guardOf(cond: string): Tolerance | undefined {
  let raws;
  try {
    raws = parseSql(`SELECT ${cond}`);
  } catch {
    return undefined;
  }
  let expr = raws[0]?.stmt?.SelectStmt?.targetList?.[0]?.ResTarget?.val;
  let negated = false;
  if (expr?.BoolExpr?.boolop === 'NOT_EXPR' && expr.BoolExpr.args?.length === 1) {
    negated = true;
    expr = expr.BoolExpr.args[0];
  }
  const sub = expr?.SubLink;
  if (sub?.subLinkType !== 'EXISTS_SUBLINK') return undefined;
  const rels = rangeVars(sub.subselect);
  if (!rels.length || !rels.every(isCatalog)) return undefined;
  return negated ? 'exists' : 'missing';
}

/** The tolerance an EXCEPTION section grants, when every handler only swallows (NULL / RAISE NOTICE). */
function handlerTolerance(exceptions: AstNode): Tolerance | string {
  let tolerate: Tolerance | undefined;
  for (const e of exceptions.exc_list ?? []) {
    const handler = e.PLpgSQL_exception;
    const action = (handler.action ?? []) as AstNode[];
    const quiet = action.every((a) => {
      const [type, s] = unwrap(a);
      return type === 'PLpgSQL_stmt_raise' && printsOnly(s);
    });
    if (!quiet) return 'an EXCEPTION handler does more than ignore the error';
    for (const c of handler.conditions ?? []) {
      const name: string = c.PLpgSQL_condition?.condname ?? '';
      const t: Tolerance | undefined = name === 'others' ? 'any' : DUPLICATE.has(name) ? 'exists' : UNDEFINED.has(name) ? 'missing' : undefined;
      if (!t) return `an EXCEPTION handler catches ${name || 'an SQLSTATE'}`;
      tolerate = tolerate === undefined || tolerate === t ? t : 'any';
    }
  }
  return tolerate ?? 'an EXCEPTION section without conditions';
}

/** The text of a constant string literal (`'ALTER TABLE .. ''x'''`), or undefined for an expression. */
function constantString(expr: string): string | undefined {
  try {
    const val = parseSql(`SELECT ${expr}`)[0]?.stmt?.SelectStmt?.targetList?.[0]?.ResTarget?.val;
    const s = val?.A_Const?.sval?.sval;
    return typeof s === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
}

/** A PL/pgSQL statement node's name as a person would say it. */
function construct(type: string): string {
  const t = type.replace(/^PLpgSQL_stmt_/, '');
  if (/^(fori|fors|forc|foreach_a|dynfors|while|loop)$/.test(t)) return 'a loop';
  if (t === 'assign') return 'variables';
  return t.toUpperCase();
}

function widen(a: Tolerance | undefined, b: Tolerance | undefined): Tolerance | undefined {
  if (a === undefined) return b;
  if (b === undefined || a === b) return a;
  return 'any';
}

/** Collects the statements of a PL/pgSQL statement list, or says which construct stops replay. */
function walk(list: readonly AstNode[], tolerate: Tolerance | undefined, out: DoStatement[]): string | undefined {
  for (const node of list) {
    const [type, s] = unwrap(node);
    switch (type) {
      case 'PLpgSQL_stmt_block': {
        let inner = tolerate;
        if (s.exceptions) {
          const t = handlerTolerance(s.exceptions.PLpgSQL_exception_block);
          if (t !== 'exists' && t !== 'missing' && t !== 'any') return t;
          inner = widen(inner, t);
        }
        const why = walk(s.body ?? [], inner, out);
        if (why) return why;
        break;
      }
      case 'PLpgSQL_stmt_if': {
        if (s.elsif_list?.length || s.else_body?.length) return 'an IF has ELSIF/ELSE branches';
        const guard = guardOf(s.cond?.PLpgSQL_expr?.query ?? '');
        if (!guard) return `an IF tests ${s.cond?.PLpgSQL_expr?.query ?? 'a condition'}, not [NOT] EXISTS (a catalog lookup)`;
        const why = walk(s.then_body ?? [], widen(tolerate, guard), out);
        if (why) return why;
        break;
      }
      case 'PLpgSQL_stmt_execsql':
        if (s.into) return 'a statement stores its result INTO a variable';
        out.push({ sql: s.sqlstmt.PLpgSQL_expr.query, line: s.lineno ?? 1, ...(tolerate ? { tolerate } : {}) });
        break;
      case 'PLpgSQL_stmt_dynexecute': {
        const sql = s.into || s.params?.length ? undefined : constantString(s.query?.PLpgSQL_expr?.query ?? '');
        if (sql === undefined) return 'EXECUTE runs SQL built at run time';
        out.push({ sql, line: s.lineno ?? 1, ...(tolerate ? { tolerate } : {}) });
        break;
      }
      case 'PLpgSQL_stmt_raise':
        if (!printsOnly(s)) return 'it raises an error';
        break;
      case 'PLpgSQL_stmt_return':
        if (s.expr) return 'it returns a value';
        break;
      default:
        return `it uses ${construct(type)}`;
    }
  }
  return undefined;
}

/**
 * The statements of a DO block (a `DoStmt` node) replay can follow, with their lines in the
 * body: plain statements, IF [NOT] EXISTS (catalog lookup) guards without ELSE, and EXCEPTION
 * handlers that only ignore duplicate/undefined-object errors. Declared variables, loops,
 * dynamic SQL and data-dependent conditions make it opaque.
 */
export function doBlockShape(s: AstNode): DoBlockShape {
  const language = option(s, 'language')?.arg?.String?.sval ?? 'plpgsql';
  if (language !== 'plpgsql') return { kind: 'opaque', why: `it is written in ${language}` };
  const as = option(s, 'as');
  const body: string = as?.arg?.String?.sval ?? '';
  let tag = '$schema_sync_do$';
  while (body.includes(tag)) tag = `$${tag.slice(1, -1)}_$`;
  let fn;
  try {
    fn = parsePlpgsql(`CREATE FUNCTION schema_sync_do() RETURNS void LANGUAGE plpgsql AS ${tag}${body}${tag}`);
  } catch (e) {
    return { kind: 'opaque', why: `PL/pgSQL rejects its body: ${(e as Error).message}` };
  }
  const f = fn?.PLpgSQL_function;
  const declared = (f?.datums ?? []).filter((d: AstNode) => !['found', 'sqlstate', 'sqlerrm'].includes(d.PLpgSQL_var?.refname));
  const statements: DoStatement[] = [];
  const why = walk([f.action], undefined, statements) ?? (declared.length ? 'it declares variables' : undefined);
  return why ? { kind: 'opaque', why } : { kind: 'statements', statements, bodyOffset: as?.location ?? 0 };
}
