/**
 * Texts after `ALTER SCHEMA from RENAME TO to`. PostgreSQL keeps expressions, view queries and
 * rules as trees holding OIDs, so the catalog prints every object of the schema under the new
 * schema name (`core.t`, `'a'::core.mood`, `nextval('core.s'::regclass)`); text it keeps as text
 * (function bodies, SET search_path) is not rewritten. Names are renamed where they are qualified
 * by the schema: relations, routines, types, operators, collations, three-part column references,
 * and the names inside `reg*` literals (and nextval()'s), which are OIDs once parsed.
 */
import type { SchemaTextRename } from '../model/move-schema.js';
import { quoteIdent } from '../model/names.js';
import { type AstNode, deparseNode, parseSql } from './libpg.js';
import { canonicalRuleActionNode, normalizeExpression, normalizeQuery } from './normalize-expr.js';
import { ruleActionsSql } from './rule-actions.js';

const IDENT = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/y;

/**
 * Renames the schema where a text names it as a qualifier (`from.x`, `"from".x`), skipping string
 * literals and names after a dot. For texts that hold names but no column references: type texts,
 * argument lists, routine and operator names, a `reg*` literal's content. `quoteAll`: the text
 * quotes every name (collations, as collationName spells them).
 */
export function renameSchemaInNames(text: string, from: string, to: string, quoteAll = false): string {
  if (!text.includes(from)) return text;
  let out = '';
  let i = 0;
  let afterDot = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "'") {
      const end = literalEnd(text, i);
      out += text.slice(i, end);
      i = end;
      afterDot = false;
      continue;
    }
    let ident: string | undefined;
    let end = i;
    if (ch === '"') {
      end = i + 1;
      while (end < text.length && !(text[end] === '"' && text[end + 1] !== '"')) end += text[end] === '"' ? 2 : 1;
      end += 1;
      ident = text.slice(i + 1, end - 1).replace(/""/g, '"');
    } else {
      IDENT.lastIndex = i;
      const m = IDENT.exec(text);
      if (m && !(i > 0 && /[A-Za-z0-9_$]/.test(text[i - 1]!))) {
        end = i + m[0].length;
        ident = m[0].toLowerCase();
      }
    }
    if (ident === undefined) {
      out += ch;
      if (ch.trim()) afterDot = ch === '.';
      i += 1;
      continue;
    }
    out += !afterDot && ident === from && text[end] === '.' ? (quoteAll ? `"${to.replace(/"/g, '""')}"` : quoteIdent(to)) : text.slice(i, end);
    afterDot = false;
    i = end;
  }
  return out;
}

/** Index just past the string literal starting at `start` (quotes doubled inside). */
function literalEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") i += 2;
      else return i + 1;
    } else i += 1;
  }
  return i;
}

/** Types whose literals are parsed into OIDs: their text names objects. */
const OID_TYPES = new Set(['regclass', 'regtype', 'regproc', 'regprocedure', 'regoper', 'regoperator', 'regcollation', 'regconfig', 'regdictionary']);
/** Functions whose first argument is a regclass (the implicit cast is dropped from canonical text). */
const SEQUENCE_FUNCTIONS = new Set(['nextval', 'currval', 'setval']);

const sval = (n: AstNode): string | undefined => n?.String?.sval;
const last = (names: AstNode[]): string | undefined => sval(names[names.length - 1]);

/** Renames the qualifier of a name list (`schema.name`, `catalog.schema.name`). */
function qualifiedList(names: unknown, from: string, to: string): boolean {
  if (!Array.isArray(names) || names.length < 2) return false;
  const q = names[names.length - 2];
  if (sval(q) !== from) return false;
  q.String.sval = to;
  return true;
}

/** Renames the schema inside a string constant naming an object (`'app.s'` -> `'core.s'`). */
function literal(c: AstNode, from: string, to: string, wholeName: boolean): boolean {
  const s = c?.A_Const?.sval;
  if (typeof s?.sval !== 'string') return false;
  const renamed = wholeName ? (s.sval === from ? to : s.sval) : renameSchemaInNames(s.sval, from, to);
  if (renamed === s.sval) return false;
  s.sval = renamed;
  return true;
}

/** Renames every qualified use of the schema in a parse tree; true when something changed. */
function visit(node: AstNode, from: string, to: string): boolean {
  if (Array.isArray(node)) return node.map((n) => visit(n, from, to)).some(Boolean);
  if (node === null || typeof node !== 'object') return false;
  let changed = false;
  // RangeVars are bare as DML targets and wrapped in FROM: the walk reaches both bodies.
  if (typeof node.relname === 'string' && node.schemaname === from) {
    node.schemaname = to;
    changed = true;
  }
  for (const key of ['names', 'funcname', 'name', 'collname', 'opclass', 'objname']) if (qualifiedList(node[key], from, to)) changed = true;
  const fields = node.ColumnRef?.fields as AstNode[] | undefined;
  if (fields && fields.length >= 3 && sval(fields[fields.length - 3]) === from) {
    fields[fields.length - 3].String.sval = to;
    changed = true;
  }
  const cast = node.TypeCast;
  if (cast) {
    const type = last(cast.typeName?.names ?? []);
    if (type !== undefined && (OID_TYPES.has(type) || type === 'regnamespace') && literal(cast.arg, from, to, type === 'regnamespace')) changed = true;
  }
  const call = node.FuncCall;
  if (call && SEQUENCE_FUNCTIONS.has(last(call.funcname ?? []) ?? '') && literal(call.args?.[0], from, to, false)) changed = true;
  for (const [k, v] of Object.entries(node)) if (k !== 'location' && v !== null && typeof v === 'object' && visit(v, from, to)) changed = true;
  return changed;
}

/** The single expression of `SELECT <sql>`, renamed; undefined when it does not name the schema. */
function renamedExpression(sql: string, from: string, to: string): string | undefined {
  const [stmt] = parseSql(`SELECT ${sql}`);
  const target = stmt?.stmt?.SelectStmt?.targetList?.[0]?.ResTarget?.val;
  if (!target || !visit(target, from, to)) return undefined;
  return deparseNode(target);
}

/** Each statement of `sql` renamed, or undefined when none names the schema. */
function renamedStatements(sql: string, from: string, to: string): AstNode[] | undefined {
  const stmts = parseSql(sql).map((s) => s.stmt);
  return visit(stmts, from, to) ? stmts : undefined;
}

/** The text rewrites of a schema rename, for {@link movedSchemaState}. */
export function schemaTextRename(from: string, to: string): SchemaTextRename {
  const mentions = (t: string): boolean => t.includes(from);
  return {
    names: (t) => renameSchemaInNames(t, from, to),
    collation: (t) => renameSchemaInNames(t, from, to, true),
    expression: (t, canonical) => {
      const r = mentions(t) ? renamedExpression(t, from, to) : undefined;
      return r === undefined ? t : canonical ? normalizeExpression(r) : r;
    },
    query: (definition) => {
      const [stmt] = mentions(definition) ? (renamedStatements(definition.trim().replace(/;\s*$/, ''), from, to) ?? []) : [];
      if (stmt === undefined) return undefined;
      const text = deparseNode(stmt);
      return { definition: text, query: normalizeQuery(text) };
    },
    ruleActions: (canonical) => {
      const stmts = mentions(canonical) ? renamedStatements(canonical, from, to) : undefined;
      return stmts ? stmts.map((s) => canonicalRuleActionNode(s)).join('; ') : canonical;
    },
    ruleActionsSql: (written) => {
      const [rule] = mentions(written) ? (renamedStatements(`CREATE RULE _ AS ON INSERT TO _ DO ALSO ${written}`, from, to) ?? []) : [];
      return rule === undefined ? written : ruleActionsSql(((rule.RuleStmt?.actions ?? []) as AstNode[]).map((a) => deparseNode(a)));
    },
  };
}
