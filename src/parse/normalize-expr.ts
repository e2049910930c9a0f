/**
 * Canonical expressions. PostgreSQL does not keep expressions as written: it stores a parsed tree
 * and prints it back with explicit casts (`'x'::text`, `(email)::text`), `= ANY (ARRAY[..])` for
 * IN lists, `>=`/`<=` for BETWEEN, `~~` for LIKE, and fully parenthesised. Migrations are written
 * by people. Both sides go through this one normaliser so equal expressions get equal text.
 */
import { type AstNode, deparseNode, parseSql, strList, unwrap } from './libpg.js';
import { intervalLiteralWithTypmods, normalizeIntervalLiteral } from './interval-literal.js';
import { figureColname } from './figure-colname.js';
import { moneyLiteral } from './money-literal.js';
import { printedRangeNames, printedSubselectNames } from './range-names.js';
import { normalizeJsonPathLiteral } from './jsonpath-literal.js';
import { internalTypeName, isBuiltinTypeName, lowerTypeName } from './type-names.js';
import type { NameRef, TypeRef } from './ddl.js';

/** Casts PostgreSQL adds implicitly; dropping them on both sides loses nothing that matters. */
const IMPLICIT_CAST_TARGETS = new Set(['text', 'varchar', 'bpchar', 'name', 'regclass', 'regconfig', 'character varying']);

interface Mode {
  /** Views: drop `public.` on relations and output names equal to the implicit ones. */
  readonly query: boolean;
  /**
   * Drop table qualifiers on columns (pg_get_viewdef adds them everywhere). Always safe in
   * CHECK/index/default expressions (one table); in a query only where FROM is one relation.
   */
  readonly stripQualifiers: boolean;
  /**
   * Views: keep a cast of a column at the top of an output column of the outermost SELECT
   * (`b::text`). PostgreSQL prints an implicit coercion there nowhere (set operation arms show
   * none, function and operator arguments and CASE arms are not the top), so a cast printed there
   * was written; dropped, a view retyped by a cast alone would compare equal. Casts that change
   * nothing (`id::integer` on an integer) PostgreSQL drops: replay drops them with the column
   * types it knows (dropNoOpOutputCasts).
   */
  readonly outputCasts?: boolean;
  /** Set by the SELECT that keeps output casts on its own target list's entries. */
  readonly castTop?: boolean;
}

const EXPR: Mode = { query: false, stripQualifiers: true };

const INT_RE = /^-?(0|[1-9]\d{0,9})$/;
const NUM_RE = /^-?(0|[1-9]\d*)\.\d+$/;

/**
 * A bit-string constant's digits (libpg-query gives `b1010` for B'1010', `x1F` for X'1F'): the
 * catalog keeps a bit default as its binary digits (`'00011111'::"bit"`), printed as a string.
 */
function bitDigits(bsval: string): string {
  const body = bsval.slice(1);
  if (/^x/i.test(bsval)) return [...body].map((h) => parseInt(h, 16).toString(2).padStart(4, '0')).join('');
  return body;
}

function constValue(c: AstNode): AstNode {
  // libpg-query omits zero/false/empty fields, so `{ival: {}}` is 0 and `{boolval: {}}` is false.
  if (c.isnull) return { A_Const: { isnull: true } };
  if (c.boolval !== undefined) return { A_Const: { boolval: { boolval: !!c.boolval.boolval } } };
  let text: string | undefined;
  if (c.ival !== undefined) text = String(c.ival.ival ?? 0);
  else if (c.fval !== undefined) text = String(c.fval.fval ?? '0');
  else if (c.sval !== undefined) text = String(c.sval.sval ?? '');
  else if (c.bsval !== undefined) text = bitDigits(String(c.bsval.bsval ?? ''));
  if (text === undefined) return { A_Const: c };
  if (INT_RE.test(text) && Math.abs(Number(text)) <= 2147483647) return { A_Const: { ival: { ival: Number(text) } } };
  if (NUM_RE.test(text)) return { A_Const: { fval: { fval: text } } };
  return { A_Const: { sval: { sval: text } } };
}

/** A string constant used as a jsonpath, in PostgreSQL's canonical jsonpath spelling. */
function jsonPathConst(node: AstNode): AstNode {
  const sval = node?.A_Const?.sval?.sval;
  return typeof sval === 'string' ? { A_Const: { sval: { sval: normalizeJsonPathLiteral(sval) } } } : node;
}

function isKind(node: AstNode, kind: string): boolean {
  return node !== null && typeof node === 'object' && kind in node;
}

function canonicalTypeName(tn: AstNode): AstNode {
  const names = strList(tn.names);
  const out: AstNode = { ...tn };
  delete out.location;
  if (isBuiltinTypeName(names)) {
    out.names = ['pg_catalog', internalTypeName(names[names.length - 1]!)].map((s) => ({ String: { sval: s } }));
  } else if (names.length === 2 && names[0] === 'public') {
    out.names = [{ String: { sval: names[1] } }];
  }
  if (out.typmods) out.typmods = out.typmods.map((m: AstNode) => walk(m, EXPR));
  return out;
}

function flattenBool(op: string, args: AstNode[]): AstNode[] {
  const out: AstNode[] = [];
  for (const a of args) {
    if (isKind(a, 'BoolExpr') && a.BoolExpr.boolop === op) out.push(...flattenBool(op, a.BoolExpr.args));
    else out.push(a);
  }
  return out;
}

function opExpr(name: string, l: AstNode, r: AstNode): AstNode {
  return { A_Expr: { kind: 'AEXPR_OP', name: [{ String: { sval: name } }], lexpr: l, rexpr: r } };
}

function walkList(list: AstNode[], mode: Mode): AstNode[] {
  return list.map((n) => walk(n, mode));
}

/** Rewrites one node (already wrapped, e.g. `{TypeCast: {...}}`) into canonical form. */
function walk(node: AstNode, mode: Mode): AstNode {
  if (Array.isArray(node)) return walkList(node, mode);
  if (node === null || typeof node !== 'object') return node;
  const keys = Object.keys(node);
  if (keys.length !== 1 || !/^[A-Z]/.test(keys[0]!)) return walkFields(node, mode);
  const [kind, body] = unwrap(node);
  switch (kind) {
    case 'A_Const':
      return constValue(body);
    case 'TypeCast': {
      let arg = walk(body.arg, mode);
      const tn = canonicalTypeName(body.typeName);
      const target = strList(tn.names).pop() ?? '';
      // A string constant is converted to the type when parsed: its text as written, not as walked.
      const literal: unknown = body.arg?.A_Const?.sval ? String(body.arg.A_Const.sval.sval ?? '') : undefined;
      if (target === 'interval' && typeof literal === 'string') {
        const text = literal;
        const typmods = (tn.typmods as AstNode[] | undefined)?.map((m) => m?.A_Const?.ival ? Number(m.A_Const.ival.ival ?? 0) : NaN);
        const value = typmods ? intervalLiteralWithTypmods(text, typmods) : normalizeIntervalLiteral(text);
        if (value !== undefined) arg = { A_Const: { sval: { sval: value } } };
      }
      if (target === 'money' && typeof literal === 'string') {
        const value = moneyLiteral(literal);
        if (value !== undefined) arg = { A_Const: { sval: { sval: value } } };
      }
      if (target === 'jsonpath') arg = jsonPathConst(arg);
      const emptyArray = isKind(arg, 'A_ArrayExpr') && !arg.A_ArrayExpr.elements;
      // The catalog prints the implicit coercions of function and operator arguments
      // (`to_char((CURRENT_DATE)::timestamp with time zone, ..)`, `to_timestamp((x::bigint)::double
      // precision)`), which the written query lacks: a cast of a constant, a column, an
      // SQL value function or of another cast compares as what it casts.
      const atom = isKind(arg, 'A_Const') || isKind(arg, 'ColumnRef') || isKind(arg, 'SQLValueFunction');
      const bare = atom || isKind(arg, 'TypeCast') || (isKind(arg, 'A_ArrayExpr') && !emptyArray);
      if (bare || IMPLICIT_CAST_TARGETS.has(target)) return arg;
      return { TypeCast: { arg, typeName: tn } };
    }
    case 'RowExpr': {
      // `(a, b)` and `ROW(a, b)` are one row constructor (the catalog prints ROW); one field needs ROW.
      const out: AstNode = walkFields(body, mode);
      out.row_format = 'COERCE_EXPLICIT_CALL';
      return { RowExpr: out };
    }
    case 'ColumnRef': {
      const fields = body.fields as AstNode[];
      // pg_get_expr/pg_get_viewdef qualify or unqualify columns as they see fit; compare bare names.
      // Trigger WHEN clauses qualify with NEW/OLD, which carry meaning: keep those.
      const head = fields[0]?.String?.sval;
      const rowRef = fields.length === 2 && (head === 'new' || head === 'old');
      if (mode.stripQualifiers && !rowRef && fields.length > 1 && !isKind(fields[fields.length - 1], 'A_Star')) {
        return { ColumnRef: { fields: [fields[fields.length - 1]] } };
      }
      return { ColumnRef: { fields } };
    }
    case 'FuncCall': {
      const out: AstNode = walkFields(body, mode);
      const names = strList(body.funcname);
      // AT TIME ZONE, EXTRACT(.. FROM ..), SUBSTRING(.. FROM ..), TRIM(..), POSITION(.. IN ..)
      // keep their SQL syntax in the catalog (COERCE_SQL_SYNTAX, PostgreSQL 14+): `x AT TIME ZONE
      // 'utc'` and `timezone('utc', x)` call one function but pg_dump prints them apart. The
      // deparser prints the syntax only for the `pg_catalog.` name the grammar gives.
      const sqlSyntax = out.funcformat === 'COERCE_SQL_SYNTAX';
      if (names.length === 2 && names[0] === 'pg_catalog' && !sqlSyntax) out.funcname = [body.funcname[1]];
      if (!sqlSyntax) delete out.funcformat;
      // jsonb_path_*(target, path, ...): the path literal is stored as a jsonpath value.
      const fname = strList(out.funcname).pop() ?? '';
      if (/^jsonb_path_/.test(fname) && Array.isArray(out.args) && out.args.length >= 2) {
        out.args = [out.args[0], jsonPathConst(out.args[1]), ...out.args.slice(2)];
      }
      // pg_get_expr prints a call of a VARIADIC function as `f(x, VARIADIC ARRAY['a', 'b'])`
      // where it was written `f(x, 'a', 'b')`: the same call, compared in the written form.
      const last = Array.isArray(out.args) ? out.args[out.args.length - 1] : undefined;
      if (out.func_variadic && isKind(last, 'A_ArrayExpr') && last.A_ArrayExpr.elements?.length) {
        out.args = [...out.args.slice(0, -1), ...last.A_ArrayExpr.elements];
        delete out.func_variadic;
      }
      return { FuncCall: out };
    }
    case 'A_Expr': {
      const e = walkFields(body, mode);
      if (Array.isArray(e.name)) {
        const names = strList(e.name);
        if (names.length === 2 && names[0] === 'pg_catalog') e.name = [e.name[1]];
      }
      const opName = strList(e.name).pop() ?? '';
      switch (e.kind) {
        case 'AEXPR_IN': {
          const items = isKind(e.rexpr, 'List') ? e.rexpr.List.items : e.rexpr;
          // transformAExprIn turns a one-element list into a plain comparison.
          if (Array.isArray(items) && items.length === 1) {
            return { A_Expr: { kind: 'AEXPR_OP', name: [{ String: { sval: opName } }], lexpr: e.lexpr, rexpr: items[0] } };
          }
          const arr = { A_ArrayExpr: { elements: items } };
          return { A_Expr: { kind: opName === '=' ? 'AEXPR_OP_ANY' : 'AEXPR_OP_ALL', name: e.name, lexpr: e.lexpr, rexpr: arr } };
        }
        case 'AEXPR_LIKE':
        case 'AEXPR_ILIKE':
          return { A_Expr: { ...e, kind: 'AEXPR_OP' } };
        case 'AEXPR_BETWEEN':
        case 'AEXPR_NOT_BETWEEN': {
          const [lo, hi] = isKind(e.rexpr, 'List') ? e.rexpr.List.items : e.rexpr;
          const not = e.kind === 'AEXPR_NOT_BETWEEN';
          const args = [opExpr(not ? '<' : '>=', e.lexpr, lo), opExpr(not ? '>' : '<=', e.lexpr, hi)];
          return { BoolExpr: { boolop: not ? 'OR_EXPR' : 'AND_EXPR', args } };
        }
        default:
          // jsonb @? 'path': the right operand is a jsonpath constant.
          if (opName === '@?') e.rexpr = jsonPathConst(e.rexpr);
          return { A_Expr: e };
      }
    }
    case 'BoolExpr': {
      const args = walkList(body.args, mode);
      return { BoolExpr: { boolop: body.boolop, args: body.boolop === 'NOT_EXPR' ? args : flattenBool(body.boolop, args) } };
    }
    case 'CaseExpr': {
      const out = walkFields(body, mode);
      if (out.defresult && isKind(out.defresult, 'A_Const') && out.defresult.A_Const.isnull) delete out.defresult;
      return { CaseExpr: out };
    }
    case 'TypeName':
      return { TypeName: canonicalTypeName(body) };
    case 'RangeVar': {
      const out = walkFields(body, mode);
      if (out.schemaname === 'public') delete out.schemaname;
      return { RangeVar: out };
    }
    case 'SelectStmt': {
      const from = body.fromClause as AstNode[] | undefined;
      // One FROM item (not a join): every column is its own (or an outer query's) either way.
      const single = !from || (from.length === 1 && !isKind(from[0], 'JoinExpr'));
      // A sub-select of an expression (policy, rule, SQL-standard body) is a query too: the
      // catalog names its output columns (`SELECT max(id) AS max`) as it does a view's.
      const inner: Mode = { ...mode, query: true, stripQualifiers: single, outputCasts: false, castTop: false };
      const out = walkFields(withSetOpNames(body), inner);
      if (mode.outputCasts && !isSetOp(body) && Array.isArray(body.targetList)) out.targetList = walkList(body.targetList, { ...inner, castTop: true });
      return { SelectStmt: out };
    }
    case 'UpdateStmt':
      // SET targets are ResTargets whose name is the column assigned, never an output alias.
      return { UpdateStmt: walkFields(body, { ...mode, query: false }) };
    case 'ResTarget': {
      const out = walkFields(body, { ...mode, castTop: false });
      const cast = body.val?.TypeCast;
      if (mode.castTop && isKind(cast?.arg, 'ColumnRef')) out.val = { TypeCast: { arg: walk(cast.arg, mode), typeName: canonicalTypeName(cast.typeName) } };
      if (!mode.query || out.val === undefined) return { ResTarget: out };
      // Every output column has a name, printed with AS unless the printed expression implies it.
      out.name = body.name ?? figureColname(body.val);
      if (out.name === figureColname(out.val)) delete out.name;
      return { ResTarget: out };
    }
    default:
      return { [kind]: walkFields(body, mode) };
  }
}

const isSetOp = (sel: AstNode): boolean => sel?.op !== undefined && sel.op !== 'SETOP_NONE';

/**
 * A set operation with the leftmost SELECT's output names given to every arm's columns:
 * pg_get_viewdef prints each arm's column `AS <result name>` where its own name differs (`SELECT a
 * FROM t UNION SELECT b AS a FROM u`), so the written query and the printed one compare equal.
 * Copies; the input tree is left as it is.
 */
function withSetOpNames(body: AstNode): AstNode {
  if (!isSetOp(body)) return body;
  let left = body;
  while (isSetOp(left)) left = left.larg;
  const names = ((left.targetList ?? []) as AstNode[]).map((t) => t.ResTarget?.name ?? (t.ResTarget?.val ? figureColname(t.ResTarget.val) : undefined));
  const relabel = (sel: AstNode): AstNode =>
    isSetOp(sel)
      ? { ...sel, larg: relabel(sel.larg), rarg: relabel(sel.rarg) }
      : {
          ...sel,
          targetList: (sel.targetList as AstNode[] | undefined)?.map((t, i) =>
            names[i] === undefined || !t.ResTarget ? t : { ResTarget: { ...t.ResTarget, name: names[i] } },
          ),
        };
  return { ...body, larg: relabel(body.larg), rarg: relabel(body.rarg) };
}

function walkFields(body: AstNode, mode: Mode): AstNode {
  const out: AstNode = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === 'location' || k === 'stmt_location' || k === 'stmt_len') continue;
    if (k === 'typeName' && v && typeof v === 'object' && 'names' in (v as object)) out[k] = canonicalTypeName(v);
    else out[k] = walk(v, mode);
  }
  return out;
}

const nodeCache = new Map<string, string>();
/** `"location":N` (and its comma) in libpg-query's JSON; inside JSON strings a quote is escaped, so this never matches there. */
const LOCATION_FIELD = /"location":-?\d+,?/g;

/** A node's shape as text, without source locations: the memo key for expression work. */
function shapeKey(node: AstNode): string {
  return JSON.stringify(node).replace(LOCATION_FIELD, '');
}

/**
 * Canonical text of an expression AST node (from a migration statement). Memoised on the node's
 * shape: histories repeat the same defaults and checks thousands of times, and printing is the
 * expensive part. The key is the native JSON text with locations cut out by a regex, ~3x cheaper
 * than JSON.stringify with a replacer function. `outer`: the FROM-item names the catalog prints
 * the expression under (a policy's table), which a sub-select's FROM item of the same name gives way to (`t_1`).
 */
export function canonicalExprNode(node: AstNode, outer: readonly string[] = []): string {
  return canonicalOfKey(outerKey(outer) + shapeKey(node), node, outer);
}

/** The memo-key prefix of the outer FROM-item names an expression is printed under. */
const outerKey = (outer: readonly string[]): string => (outer.length ? `${outer.join('\0')}\0\0` : '');

function canonicalOfKey(key: string, node: AstNode, outer: readonly string[] = []): string {
  let out = nodeCache.get(key);
  if (out === undefined) {
    out = deparseNode(walk(key.includes('"SubLink"') ? withSubselectNames(node, outer) : node, EXPR));
    nodeCache.set(key, out);
  }
  return out;
}

/** A copy of an expression with its sub-selects' FROM items named as the catalog prints them (see printedSubselectNames). */
function withSubselectNames(node: AstNode, outer: readonly string[]): AstNode {
  const named = structuredClone(node);
  printedSubselectNames(named, outer);
  return named;
}

const writtenCache = new Map<string, string>();

/**
 * An expression as the migration wrote it, printed back by PostgreSQL's deparser: what the
 * planner executes, so the catalog stores what it would have stored from the migration itself
 * (the canonical text is for comparison and folds spellings PostgreSQL keeps apart).
 */
export function writtenExprNode(node: AstNode): string {
  return writtenOfKey(shapeKey(node), node);
}

function writtenOfKey(key: string, node: AstNode): string {
  let out = writtenCache.get(key);
  if (out === undefined) {
    out = deparseNode(node);
    writtenCache.set(key, out);
  }
  return out;
}

/** An expression's canonical text (comparison) and written text (execution). */
export interface ExprTexts {
  readonly canonical: string;
  readonly written: string;
}

const textsCache = new Map<string, ExprTexts>();

/**
 * `canonicalExprNode` and `writtenExprNode` of one node, for the price of one shape key: the
 * key (the node as JSON) costs about as much as a memo hit's whole work, and every default,
 * CHECK and index expression of a history wants both texts.
 */
export function exprTexts(node: AstNode): ExprTexts {
  const key = shapeKey(node);
  let out = textsCache.get(key);
  if (out === undefined) {
    out = { canonical: canonicalOfKey(key, node), written: writtenOfKey(key, node) };
    textsCache.set(key, out);
  }
  return out;
}

/** Canonical text of a query AST node (a view's SELECT), its FROM items named as pg_get_viewdef names them. */
export function canonicalQueryNode(node: AstNode, outputCasts = false): string {
  const named = structuredClone(node);
  printedRangeNames(named);
  return deparseNode(walk(named, { query: true, stripQualifiers: false, outputCasts }));
}

/**
 * Canonical text of a rule action (INSERT / UPDATE / DELETE / SELECT / NOTIFY): as a query, with
 * column qualifiers dropped except NEW and OLD (pg_get_ruledef qualifies every column), FROM items
 * named as pg_get_ruledef names them.
 */
export function canonicalRuleActionNode(node: AstNode): string {
  const named = structuredClone(node);
  printedRangeNames(named, ['old', 'new']);
  return deparseNode(walk(named, { query: true, stripQualifiers: true }));
}

function parseExpr(sql: string): AstNode {
  const [stmt] = parseSql(`SELECT ${sql}`);
  const target = stmt?.stmt?.SelectStmt?.targetList;
  if (!target || target.length !== 1) throw new Error(`not a single expression: ${sql}`);
  return target[0].ResTarget.val;
}

const exprCache = new Map<string, string>();

/**
 * A serial column's default as pg_get_expr prints it, for a sequence name without quotes or
 * backslashes. Its canonical text is known (the implicit regclass cast dropped, the literal as
 * is), and every serial column has a different one: parsing each cost ~30 µs, 0.15 s at 5,000 tables.
 */
const NEXTVAL_DEFAULT = /^nextval\('([A-Za-z0-9_$."]+)'::regclass\)$/;

/**
 * Canonical text of an expression given as SQL text (e.g. `pg_get_expr` output). Memoised:
 * catalogs repeat the same defaults thousands of times. `outer` as for canonicalExprNode.
 */
export function normalizeExpression(sql: string, outer: readonly string[] = []): string {
  const key = outerKey(outer) + sql;
  let out = exprCache.get(key);
  if (out === undefined) {
    const seq = NEXTVAL_DEFAULT.exec(sql)?.[1];
    out = seq !== undefined ? `nextval('${seq}')` : canonicalExprNode(parseExpr(sql), outer);
    exprCache.set(key, out);
  }
  return out;
}

/** Canonical text of a view query given as SQL text (e.g. `pg_get_viewdef` output). */
export function normalizeQuery(sql: string): string {
  const [stmt] = parseSql(sql.trim().replace(/;\s*$/, ''));
  if (!stmt) throw new Error('empty query');
  return canonicalQueryNode(stmt.stmt, true);
}

function visitColumnRefs(node: AstNode, fn: (fields: AstNode[]) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) visitColumnRefs(n, fn);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (isKind(node, 'ColumnRef')) fn(node.ColumnRef.fields);
  for (const v of Object.values(node)) visitColumnRefs(v, fn);
}

const columnsCache = new Map<string, readonly string[]>();

/**
 * Column names an expression mentions, in order of first appearance (names unnamed CHECKs).
 * Memoised: DROP / RENAME COLUMN ask it of every CHECK and index expression of the table, and a
 * history repeats the same few expressions thousands of times (384 parses of `amount >= 0` at
 * 5,000 tables).
 */
export function columnsInExpression(sql: string): readonly string[] {
  let out = columnsCache.get(sql);
  if (out === undefined) {
    out = Object.freeze(columnsInExprNode(parseExpr(sql)));
    columnsCache.set(sql, out);
  }
  return out;
}

/** Same as `columnsInExpression`, on a node. */
export function columnsInExprNode(node: AstNode): string[] {
  const seen: string[] = [];
  visitColumnRefs(node, (fields) => {
    const name = fields[fields.length - 1]?.String?.sval;
    if (name !== undefined && !seen.includes(name)) seen.push(name);
  });
  return seen;
}

/**
 * Rewrites column references after `RENAME COLUMN`, as PostgreSQL's stored trees follow renames.
 * The result is canonical text, or with `written`, the expression as written (deparsed, casts kept).
 */
export function renameColumnInExpression(sql: string, from: string, to: string, written = false): string {
  // Most expressions of a table do not mention the renamed column: answered from the memo.
  if (!columnsInExpression(sql).includes(from)) return sql;
  const node = parseExpr(sql);
  let changed = false;
  visitColumnRefs(node, (fields) => {
    const last = fields[fields.length - 1];
    if (last?.String?.sval === from) {
      last.String.sval = to;
      changed = true;
    }
  });
  if (!changed) return sql;
  return written ? writtenExprNode(node) : canonicalExprNode(node);
}

/**
 * Does a written expression still say what the canonical text says? Replay rewrites canonical
 * text (renamed sequences, enum labels, coerced constants) without always rewriting the written
 * text; where they part, only the canonical text is fit to execute.
 */
export function writtenMatches(written: string, canonical: string, outer: readonly string[] = []): boolean {
  return normalizeExpression(written, outer) === canonical;
}

const TRUE_WORDS = new Set(['t', 'tr', 'tru', 'true', 'y', 'ye', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['f', 'fa', 'fal', 'fals', 'false', 'n', 'no', 'of', 'off', '0']);

/**
 * A constant default is stored already converted to the column's type, so `DEFAULT 'FALSE'` on
 * a boolean reads back as `false`, `DEFAULT '0'` on an interval as `'00:00:00'` and `DEFAULT
 * '1.999'` on money as `'$2.00'`. Applies that conversion for the types where the spelling
 * changes; other expressions are unchanged. `written` (the default as written) tells a string
 * literal from a number, which the canonical text does not: only a string is converted to money
 * when parsed (`DEFAULT 1.5` stays a numeric with an implicit cast).
 */
export function coerceConstantDefault(expr: string, type: string, written?: string): string {
  if (type !== 'boolean' && type !== 'interval' && type !== 'money') return expr;
  // Histories give thousands of boolean columns the same few defaults: parse each (text, type) once.
  const key = `${type}\0${type === 'money' ? (written ?? '\0') : ''}\0${expr}`;
  let out = coercedCache.get(key);
  if (out === undefined) {
    out = coerceConstant(expr, type, written);
    coercedCache.set(key, out);
  }
  return out;
}

const coercedCache = new Map<string, string>();

function coerceConstant(expr: string, type: 'boolean' | 'interval' | 'money', written: string | undefined): string {
  const node = parseExpr(expr);
  const c = node?.A_Const;
  if (!c || c.isnull) return expr;
  const text = c.sval ? String(c.sval.sval ?? '') : c.fval ? String(c.fval.fval) : c.ival !== undefined ? String(c.ival.ival ?? 0) : undefined;
  if (text === undefined) return expr;
  switch (type) {
    case 'boolean': {
      const w = text.trim().toLowerCase();
      if (TRUE_WORDS.has(w)) return 'true';
      if (FALSE_WORDS.has(w)) return 'false';
      return expr;
    }
    case 'money': {
      const literal = written === undefined ? undefined : parseExpr(written)?.A_Const?.sval?.sval;
      const value = typeof literal === 'string' ? moneyLiteral(literal) : undefined;
      return value === undefined ? expr : normalizeExpression(quoteLiteral(value));
    }
    case 'interval':
      return normalizeExpression(quoteLiteral(normalizeIntervalLiteral(text)));
  }
}

const quoteLiteral = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** A cast of a column at the top of a view's output column (see Mode.outputCasts), for the replay to judge. */
export interface OutputCast {
  /** The column's name (`b` of `b` or `t.b`). */
  readonly column: string;
  /**
   * The relations of the outermost FROM the column can come from: the one its qualifier names,
   * else every plain relation (it is the one that has the column). Undefined when unknown (a
   * sub-select, function or WITH query could supply it).
   */
  readonly relations?: readonly NameRef[];
  readonly type: TypeRef;
}

/** The plain relations of a FROM list (joins flattened) by the name the query uses; undefined when another kind of item is there. */
function fromRelations(items: readonly AstNode[], ctes: ReadonlySet<string>, out: Map<string, NameRef>): boolean {
  for (const item of items) {
    if (isKind(item, 'JoinExpr')) {
      if (!fromRelations([item.JoinExpr.larg, item.JoinExpr.rarg], ctes, out)) return false;
      continue;
    }
    const rv = item?.RangeVar;
    if (!rv || (rv.schemaname === undefined && ctes.has(rv.relname))) return false;
    out.set(rv.alias?.aliasname ?? rv.relname, rv.schemaname ? { schema: rv.schemaname, name: rv.relname } : { name: rv.relname });
  }
  return true;
}

/** A column reference of a query's outermost SELECT and where it can come from (see OutputCast). */
export interface ColumnSource {
  readonly column: string;
  readonly relations?: readonly NameRef[];
}

/** The outermost SELECT of a canonical view query with its FROM relations, or undefined for a set operation. */
function outerSelect(query: string): { stmt: AstNode; sel: AstNode; source: (ref: AstNode) => ColumnSource | undefined } | undefined {
  const [stmt] = parseSql(query);
  const sel = stmt?.stmt?.SelectStmt;
  if (!sel || isSetOp(sel) || !Array.isArray(sel.targetList)) return undefined;
  const ctes = new Set<string>(((sel.withClause?.ctes ?? []) as AstNode[]).map((c) => c.CommonTableExpr?.ctename));
  const byName = new Map<string, NameRef>();
  const known = fromRelations(sel.fromClause ?? [], ctes, byName);
  const source = (ref: AstNode): ColumnSource | undefined => {
    const fields = strList(ref.ColumnRef.fields);
    const column = fields[fields.length - 1];
    if (column === undefined || fields.length > 2) return undefined;
    const qualified = fields.length === 2 ? byName.get(fields[0]!) : undefined;
    const relations = qualified ? [qualified] : known && fields.length === 1 ? [...byName.values()] : undefined;
    return { column, ...(relations ? { relations } : {}) };
  };
  return { stmt, sel, source };
}

/**
 * What a view's output column `name` is, when replay can type it: a cast (its type) or a column
 * (where it comes from). Undefined for other expressions and set operations.
 */
export function viewOutputSource(query: string, name: string): { readonly cast: TypeRef } | { readonly from: ColumnSource } | undefined {
  const outer = outerSelect(query);
  const t = (outer?.sel.targetList as AstNode[] | undefined)?.find((x) => x.ResTarget && (x.ResTarget.name ?? figureColname(x.ResTarget.val)) === name)?.ResTarget;
  if (!outer || !t) return undefined;
  if (t.val?.TypeCast) return { cast: lowerTypeName(t.val.TypeCast.typeName) };
  const from = isKind(t.val, 'ColumnRef') ? outer.source(t.val) : undefined;
  return from ? { from } : undefined;
}

/**
 * The type each output column of a canonical view query is cast to (Mode.outputCasts), by
 * position (undefined: no cast); undefined for a set operation. CREATE OR REPLACE VIEW refuses
 * to change an output column's type, which a cast added, removed or changed does.
 */
export function viewOutputCasts(query: string): (string | undefined)[] | undefined {
  const outer = outerSelect(query);
  return outer && (outer.sel.targetList as AstNode[]).map((t) => {
    const cast = t.ResTarget?.val?.TypeCast;
    return isKind(cast?.arg, 'ColumnRef') ? shapeKey(cast.typeName) : undefined;
  });
}

/**
 * A view's canonical query without the output casts `isNoOp` says PostgreSQL drops (a cast to
 * the column's own type: `id::integer` on an integer column is stored, and printed, as `id`).
 */
export function dropNoOpOutputCasts(query: string, isNoOp: (cast: OutputCast) => boolean): string {
  const outer = outerSelect(query);
  if (!outer) return query;
  let changed = false;
  for (const t of outer.sel.targetList as AstNode[]) {
    const cast = t.ResTarget?.val?.TypeCast;
    if (!isKind(cast?.arg, 'ColumnRef')) continue;
    const from = outer.source(cast.arg);
    if (!from || !isNoOp({ ...from, type: lowerTypeName(cast.typeName) })) continue;
    t.ResTarget.val = cast.arg;
    changed = true;
  }
  return changed ? canonicalQueryNode(outer.stmt.stmt, true) : query;
}
