/**
 * Texts after `ALTER SCHEMA from RENAME TO to`. PostgreSQL keeps expressions, view queries and
 * rules as trees holding OIDs, so the catalog prints every object of the schema under the new
 * schema name (`core.t`, `'a'::core.mood`, `nextval('core.s'::regclass)`); text it keeps as text
 * (function bodies, SET search_path) is not rewritten. Names are renamed where they are qualified
 * by the schema: relations, routines, types, operators, collations, three-part column references,
 * and the names inside `reg*` literals (and nextval()'s), which are OIDs once parsed.
 */
import type { NameSpace, SchemaTextRename } from '../model/move-schema.js';
import type { QualifiedName } from '../model/objects.js';
import { quoteIdent } from '../model/names.js';
import { type AstNode, deparseNode, parseSql } from './libpg.js';
import { canonicalRuleActionNode, normalizeExpression, normalizeQuery } from './normalize-expr.js';
import { ruleActionsSql } from './rule-actions.js';
import { figureColname, UNNAMED_COLUMN } from './figure-colname.js';
import { sqlStandardBody } from './lower/routine-attributes.js';

const IDENT = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/y;

/**
 * Renames the schema where a text names it as a qualifier (`from.x`, `"from".x`), skipping string
 * literals and names after a dot. For texts that hold names but no column references: type texts,
 * argument lists, routine and operator names, a `reg*` literal's content. `quoteAll`: the text
 * quotes every name (collations, as collationName spells them).
 */
export function renameSchemaInNames(text: string, from: string, to: string, quoteAll = false): string {
  return text.includes(from) ? moveNames(text, schemaRenameMove(from, to), undefined, quoteAll) : text;
}

/** The identifier starting at `i` (its end and its folded value), or undefined. */
function identAt(text: string, i: number): { readonly end: number; readonly value: string } | undefined {
  if (text[i] === '"') {
    let end = i + 1;
    while (end < text.length && !(text[end] === '"' && text[end + 1] !== '"')) end += text[end] === '"' ? 2 : 1;
    return { end: end + 1, value: text.slice(i + 1, end).replace(/""/g, '"') };
  }
  IDENT.lastIndex = i;
  const m = IDENT.exec(text);
  return m && !(i > 0 && /[A-Za-z0-9_$]/.test(text[i - 1]!)) ? { end: i + m[0].length, value: m[0].toLowerCase() } : undefined;
}

const OPERATOR_SYMBOL = /[+\-*/<>=~!@#%^&|`?]+/y;

/** The operator symbol starting at `i` (a commutator's or sort operator's `schema.===`), or undefined. */
function operatorAt(text: string, i: number): { readonly end: number; readonly value: string } | undefined {
  OPERATOR_SYMBOL.lastIndex = i;
  const m = OPERATOR_SYMBOL.exec(text);
  return m ? { end: i + m[0].length, value: m[0] } : undefined;
}

/**
 * Names text with every name the move moves qualified by its new schema, skipping string literals
 * and names after a dot. `space`: the kind of object the text names (undefined: any, as in type
 * texts, where a table's row type moves with the table).
 */
function moveNames(text: string, move: NameMove, space: NameSpace | undefined, quoteAll = false): string {
  const quote = (s: string): string => (quoteAll ? `"${s.replace(/"/g, '""')}"` : quoteIdent(s));
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
    const id = identAt(text, i);
    if (id === undefined) {
      out += ch;
      if (ch.trim()) afterDot = ch === '.';
      i += 1;
      continue;
    }
    const qualified = text[id.end] === '.';
    const named = qualified ? (identAt(text, id.end + 1) ?? operatorAt(text, id.end + 1)) : undefined;
    const to = afterDot ? undefined : qualified ? (named && move.name(id.value, named.value, space)) : move.name(undefined, id.value, space);
    afterDot = false;
    if (to === undefined) {
      out += text.slice(i, id.end);
      i = id.end;
      continue;
    }
    // The name itself as written unless renamed (an operator symbol is never quoted).
    const [start, end] = named ? [id.end + 1, named.end] : [i, id.end];
    const name = to.name === (named ?? id).value ? text.slice(start, end) : named && !identAt(text, start) ? to.name : quote(to.name);
    out += qualified || to.schema !== 'public' || to.name === id.value ? `${quote(to.schema)}.${name}` : name;
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

/** Functions whose first argument is a regclass (the implicit cast is dropped from canonical text). */
const SEQUENCE_FUNCTIONS = new Set(['nextval', 'currval', 'setval']);

/** Where names point after a move (a schema renamed, or one object moved to another schema or renamed). */
interface NameMove {
  /** The new schema and name of `schema.name` (schema undefined: unqualified) naming an object of `space` (undefined: any), or undefined when it stays. */
  name(schema: string | undefined, name: string, space: NameSpace | undefined): QualifiedName | undefined;
  /** A schema named as a whole (regnamespace) afterwards. */
  schema(schema: string): string;
  /** Whether a text may name something that moves (a cheap test before parsing). */
  mentions(text: string): boolean;
}

const sval = (n: AstNode): string | undefined => n?.String?.sval;
const last = (names: AstNode[]): string | undefined => sval(names[names.length - 1]);

/** Moves a name list (`name`, `schema.name`, `catalog.schema.name`) of `space` where the move says. */
function qualifiedList(names: unknown, move: NameMove, space: NameSpace): boolean {
  if (!Array.isArray(names) || names.length < 1 || typeof last(names) !== 'string') return false;
  const q = names.length >= 2 ? names[names.length - 2] : undefined;
  const to = move.name(q === undefined ? undefined : sval(q), last(names)!, space);
  if (to === undefined) return false;
  names[names.length - 1].String.sval = to.name;
  // Replay's texts name objects of public unqualified (a rename there stays so).
  if (q !== undefined) q.String.sval = to.schema;
  else if (to.schema !== 'public') names.unshift({ String: { sval: to.schema } });
  return true;
}

/** Moves the name inside a string constant naming an object (`'app.s'` -> `'core.s'`). */
function literal(c: AstNode, move: NameMove, space: NameSpace | 'schema'): boolean {
  const s = c?.A_Const?.sval;
  if (typeof s?.sval !== 'string') return false;
  const renamed = space === 'schema' ? move.schema(s.sval) : moveNames(s.sval, move, space);
  if (renamed === s.sval) return false;
  s.sval = renamed;
  return true;
}

/** The kind of object a `reg*` literal names. */
const OID_SPACES: Readonly<Record<string, NameSpace | 'schema'>> = {
  regclass: 'relation', regtype: 'type', regproc: 'routine', regprocedure: 'routine', regoper: 'operator', regoperator: 'operator',
  regcollation: 'collation', regconfig: 'other', regdictionary: 'other', regnamespace: 'schema',
};

/** The kind of object each name-list field of a parse node names. */
const LIST_SPACES: Readonly<Record<string, NameSpace>> = { names: 'type', funcname: 'routine', name: 'operator', collname: 'collation', opclass: 'opclass', objname: 'routine' };

/** Moves every name the move moves in a parse tree; true when something changed. */
function visit(node: AstNode, move: NameMove): boolean {
  if (Array.isArray(node)) return node.map((n) => visit(n, move)).some(Boolean);
  if (node === null || typeof node !== 'object') return false;
  let changed = false;
  // RangeVars are bare as DML targets and wrapped in FROM: the walk reaches both bodies.
  if (typeof node.relname === 'string') {
    const to = move.name(node.schemaname || undefined, node.relname, 'relation');
    if (to !== undefined) {
      // Replay's texts name relations of public unqualified, as the catalog prints them.
      if (to.schema === 'public') delete node.schemaname;
      else node.schemaname = to.schema;
      node.relname = to.name;
      changed = true;
    }
  }
  for (const [key, space] of Object.entries(LIST_SPACES)) if (qualifiedList(node[key], move, space)) changed = true;
  const fields = node.ColumnRef?.fields as AstNode[] | undefined;
  if (fields && fields.length >= 3) {
    const to = move.name(sval(fields[fields.length - 3]), sval(fields[fields.length - 2]) ?? '', 'relation');
    if (to !== undefined) {
      fields[fields.length - 3].String.sval = to.schema;
      fields[fields.length - 2].String.sval = to.name;
      changed = true;
    }
  }
  const cast = node.TypeCast;
  if (cast) {
    const space = OID_SPACES[last(cast.typeName?.names ?? []) ?? ''];
    if (space !== undefined && literal(cast.arg, move, space)) changed = true;
  }
  const call = node.FuncCall;
  if (call && SEQUENCE_FUNCTIONS.has(last(call.funcname ?? []) ?? '') && literal(call.args?.[0], move, 'relation')) changed = true;
  // An output column named after a renamed function keeps its name (PostgreSQL stored it).
  const target = node.ResTarget;
  const implicit = target && target.name === undefined && target.val ? figureColname(target.val) : undefined;
  for (const [k, v] of Object.entries(node)) if (k !== 'location' && v !== null && typeof v === 'object' && visit(v, move)) changed = true;
  if (implicit !== undefined && implicit !== UNNAMED_COLUMN && figureColname(target.val) !== implicit) target.name = implicit;
  return changed;
}

/** The single expression of `SELECT <sql>`, moved; undefined when it names nothing that moves. */
function movedExpression(sql: string, move: NameMove): string | undefined {
  const [stmt] = parseSql(`SELECT ${sql}`);
  const target = stmt?.stmt?.SelectStmt?.targetList?.[0]?.ResTarget?.val;
  if (!target || !visit(target, move)) return undefined;
  return deparseNode(target);
}

/** Each statement of `sql` moved, or undefined when none names anything that moves. */
function movedStatements(sql: string, move: NameMove): AstNode[] | undefined {
  const stmts = parseSql(sql).map((s) => s.stmt);
  return visit(stmts, move) ? stmts : undefined;
}

/** A SQL-standard body moved (canonical: FunctionDef.body, else as written); undefined when it names nothing that moves. */
function movedBody(text: string, move: NameMove, canonical: boolean): string | undefined {
  const [stmt] = parseSql(`CREATE FUNCTION _() RETURNS void LANGUAGE sql ${text}`);
  const body = stmt?.stmt?.CreateFunctionStmt?.sql_body;
  if (!body || !visit(body, move)) return undefined;
  const moved = sqlStandardBody(body);
  return canonical ? moved.body : moved.sqlBody;
}

/** `ALTER SCHEMA from RENAME TO to`: qualified names of the schema move, unqualified ones stay. */
function schemaRenameMove(from: string, to: string): NameMove {
  return {
    name: (schema, name) => (schema === from ? { schema: to, name } : undefined),
    schema: (s) => (s === from ? to : s),
    mentions: (t) => t.includes(from),
  };
}

/**
 * `ALTER .. SET SCHEMA` / `RENAME TO`: the object `object` of `space` is `to` afterwards. Replay's
 * texts name objects of public unqualified, so an unqualified name of it moves when it was in public.
 */
function objectMove(object: QualifiedName, space: NameSpace, to: QualifiedName): NameMove {
  return {
    name: (schema, name, sp) => ((schema ?? 'public') === object.schema && name === object.name && (sp === undefined || sp === space || (space === 'relation' && sp === 'type')) ? to : undefined),
    schema: (s) => s,
    mentions: (t) => t.includes(object.name),
  };
}

/** The text rewrites of a move, for {@link movedSchemaState}. */
function textMove(move: NameMove, moved: SchemaTextRename['moved']): SchemaTextRename {
  const { mentions } = move;
  return {
    moved,
    schema: move.schema,
    names: (t) => (mentions(t) ? moveNames(t, move, undefined) : t),
    collation: (t) => (mentions(t) ? moveNames(t, move, 'collation', true) : t),
    expression: (t, canonical) => {
      const r = mentions(t) ? movedExpression(t, move) : undefined;
      return r === undefined ? t : canonical ? normalizeExpression(r) : r;
    },
    routineBody: (t, canonical) => (mentions(t) ? (movedBody(t, move, canonical) ?? t) : t),
    query: (definition) => {
      const [stmt] = mentions(definition) ? (movedStatements(definition.trim().replace(/;\s*$/, ''), move) ?? []) : [];
      if (stmt === undefined) return undefined;
      const text = deparseNode(stmt);
      return { definition: text, query: normalizeQuery(text) };
    },
    ruleActions: (canonical) => {
      const stmts = mentions(canonical) ? movedStatements(canonical, move) : undefined;
      return stmts ? stmts.map((s) => canonicalRuleActionNode(s)).join('; ') : canonical;
    },
    ruleActionsSql: (written) => {
      const [rule] = mentions(written) ? (movedStatements(`CREATE RULE _ AS ON INSERT TO _ DO ALSO ${written}`, move) ?? []) : [];
      return rule === undefined ? written : ruleActionsSql(((rule.RuleStmt?.actions ?? []) as AstNode[]).map((a) => deparseNode(a)));
    },
  };
}

/** The text rewrites of a schema rename, for {@link movedSchemaState}. */
export function schemaTextRename(from: string, to: string): SchemaTextRename {
  return textMove(schemaRenameMove(from, to), (q) => (q.schema === from ? to : q.schema));
}

/**
 * The rewrites of `ALTER .. SET SCHEMA` (or `RENAME TO`: `name`) of one object, for
 * {@link movedSchemaState}: PostgreSQL stores references by OID, so views, defaults, checks, index
 * keys, policies, rules, triggers and SQL-standard bodies naming it print its new schema and name.
 * The object itself (and what moves with it) is moved by replay.
 */
export function objectTextMove(object: QualifiedName, space: NameSpace, schema: string, name = object.name): SchemaTextRename {
  const move = objectMove(object, space, { schema, name });
  return textMove(move, (q, sp) => move.name(q.schema, q.name, sp)?.schema ?? q.schema);
}
