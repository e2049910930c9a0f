import type { Mutable } from '../../model/mutable.js';
import { quoteIdent } from '../../model/names.js';
import type { Ddl, NameRef, OperatorOperands, TargetKind } from '../ddl.js';
import { type AstNode, deparseNode, parseSql, str, strList } from '../libpg.js';
import { canonicalExprNode, canonicalQueryNode, exprTexts } from '../normalize-expr.js';
import { lowerTypeName } from '../type-names.js';
import { rangeVarName } from './constraint.js';
import { lowerIndexElem } from './index-elem.js';
import { notManagedOn } from './not-managed.js';
import { lowerRelOptions } from './rel-options.js';
import { routineAttributes, sqlStandardBody } from './routine-attributes.js';
import { lowerSequenceOptions } from './sequence-options.js';

/** A list of name parts (`[schema, name]` or `[name]`) as a NameRef. */
export function namesToRef(names: string[]): NameRef {
  const name = names[names.length - 1] ?? '';
  return names.length >= 2 ? { schema: names[names.length - 2]!, name } : { name };
}

/** The operand types of an ObjectWithArgs naming an operator (`(int, int)`, `(NONE, text)`). */
export function operatorOperands(owa: AstNode): OperatorOperands {
  const args: AstNode[] = owa?.objargs ?? [];
  const one = (a: AstNode): ReturnType<typeof lowerTypeName> | undefined => (a?.TypeName ? lowerTypeName(a.TypeName) : undefined);
  return [one(args[0]), one(args[1])];
}

/** PostgreSQL names an expression index key after the function it calls, a lone column after it, else "expr". */
function expressionKeyName(expr: AstNode): string {
  const f = expr?.FuncCall;
  if (f) return strList(f.funcname).pop() ?? 'expr';
  const col = expr?.ColumnRef?.fields;
  if (col?.length === 1) return str(col[0]);
  return 'expr';
}

/**
 * The name an index key expression (canonical text) contributes to an index name PostgreSQL
 * chooses, as for CREATE INDEX: what a copied index (LIKE .. INCLUDING INDEXES) is named after.
 */
export function indexKeyName(expression: string): string {
  let val: AstNode;
  try {
    val = parseSql(`SELECT ${expression}`)[0]?.stmt?.SelectStmt?.targetList?.[0]?.ResTarget?.val;
  } catch {
    return 'expr';
  }
  return expressionKeyName(val);
}

/** Lowers CREATE INDEX. */
export function lowerIndex(s: AstNode): Ddl {
  const keys = (s.indexParams ?? []).map((p: AstNode) => lowerIndexElem(p.IndexElem));
  const keyNames: string[] = (s.indexParams ?? []).map((p: AstNode) => {
    const e = p.IndexElem;
    if (e.name !== undefined) return e.name;
    if (e.indexcolname) return e.indexcolname;
    return expressionKeyName(e.expr);
  });
  const ddl: Mutable<Extract<Ddl, { kind: 'createIndex' }>> = {
    kind: 'createIndex',
    table: rangeVarName(s.relation),
    unique: !!s.unique,
    method: s.accessMethod ?? 'btree',
    keys,
    keyNames,
    include: (s.indexIncludingParams ?? []).map((p: AstNode) => p.IndexElem.name as string),
    nullsNotDistinct: !!s.nulls_not_distinct,
    ifNotExists: !!s.if_not_exists,
    concurrently: !!s.concurrent,
  };
  if (s.idxname) ddl.name = s.idxname as string;
  if (s.whereClause) {
    ({ canonical: ddl.where, written: ddl.whereSql } = exprTexts(s.whereClause));
  }
  const options = lowerRelOptions(s.options);
  if (options) ddl.options = options;
  return ddl;
}

/** Lowers CREATE TYPE .. AS ENUM and ALTER TYPE .. ADD/RENAME VALUE. */
export function lowerEnum(kind: 'create' | 'alter', s: AstNode): Ddl {
  const type = namesToRef(strList(s.typeName));
  if (kind === 'create') return { kind: 'createEnum', type, values: strList(s.vals) };
  if (s.oldVal !== undefined) return { kind: 'renameEnumValue', type, from: s.oldVal, to: s.newVal };
  return {
    kind: 'addEnumValue', type, value: s.newVal, ifNotExists: !!s.skipIfNewValExists,
    ...(s.newValNeighbor !== undefined ? { neighbor: { value: s.newValNeighbor, after: !!s.newValIsAfter } } : {}),
  };
}

/** Lowers CREATE SEQUENCE / ALTER SEQUENCE. */
export function lowerSequence(kind: 'create' | 'alter', s: AstNode): Ddl {
  const sequence = rangeVarName(s.sequence);
  const options = lowerSequenceOptions(s.options);
  return kind === 'create'
    ? { kind: 'createSequence', sequence, ifNotExists: !!s.if_not_exists, options }
    : { kind: 'alterSequence', sequence, ifExists: !!s.missing_ok, options };
}

/** Lowers CREATE [OR REPLACE] VIEW. */
export function lowerView(s: AstNode): Ddl {
  const columns = strList(s.aliases);
  const check = CHECK_OPTIONS[s.withCheckOption as string];
  const options = lowerRelOptions([...(s.options ?? []), ...(check ? [checkOptionDef(check)] : [])]);
  return {
    kind: 'createView', view: rangeVarName(s.view), materialized: false, orReplace: !!s.replace, ifNotExists: false,
    query: canonicalQueryNode(s.query, true),
    definition: deparseNode(s.query),
    ...(columns.length ? { columns } : {}),
    ...(options ? { options } : {}),
  };
}

/** `WITH [LOCAL|CASCADED] CHECK OPTION`: PostgreSQL stores it as the `check_option` reloption. */
const CHECK_OPTIONS: Record<string, string> = { LOCAL_CHECK_OPTION: 'local', CASCADED_CHECK_OPTION: 'cascaded' };
const checkOptionDef = (value: string): AstNode => ({ DefElem: { defname: 'check_option', arg: { String: { sval: value } } } });

/** Lowers CREATE MATERIALIZED VIEW (CREATE TABLE AS is not modelled). */
export function lowerCreateTableAs(s: AstNode): Ddl {
  if (s.objtype !== 'OBJECT_MATVIEW') return { kind: 'unsupported', what: 'CREATE TABLE AS' };
  const columns = strList(s.into.colNames);
  const options = lowerRelOptions(s.into.options);
  return {
    kind: 'createView', view: rangeVarName(s.into.rel), materialized: true, orReplace: false,
    ifNotExists: !!s.if_not_exists, query: canonicalQueryNode(s.query, true), definition: deparseNode(s.query),
    ...(columns.length ? { columns } : {}),
    ...(options ? { options } : {}),
  };
}

/** A routine argument or result type as text: built-in types canonical, others as written (pg_get_functiondef prints them so with search_path pinned to public). */
export function typeText(tn: AstNode): string {
  const t = lowerTypeName(tn);
  if (t.kind === 'builtin') return t.text;
  if (t.kind === 'serial') return t.base;
  return deparseNode({ TypeName: { ...tn, location: undefined } });
}

/** How a parameter mode is written before the parameter (IN: nothing). */
export const MODES: Record<string, string> = {
  FUNC_PARAM_IN: '', FUNC_PARAM_OUT: 'OUT ', FUNC_PARAM_INOUT: 'INOUT ', FUNC_PARAM_VARIADIC: 'VARIADIC ',
  FUNC_PARAM_TABLE: 'TABLE ', FUNC_PARAM_DEFAULT: '',
};

/** Identity argument types of a function (IN, INOUT and VARIADIC args), as PostgreSQL keys overloads. */
export function identityArgs(params: AstNode[] | undefined): string {
  return (params ?? [])
    .map((p: AstNode) => p.FunctionParameter)
    .filter((p: AstNode) => !['FUNC_PARAM_OUT', 'FUNC_PARAM_TABLE'].includes(p.mode))
    .map((p: AstNode) => typeText(p.argType))
    .join(', ');
}

/** Lowers CREATE [OR REPLACE] FUNCTION / PROCEDURE; the body is kept verbatim, as prosrc is. */
export function lowerFunction(s: AstNode): Ddl {
  const opts = new Map<string, AstNode>((s.options ?? []).map((d: AstNode) => [d.DefElem.defname, d.DefElem.arg]));
  const sets = (s.options ?? []).filter((d: AstNode) => d.DefElem.defname === 'set').map((d: AstNode) => d.DefElem.arg.VariableSetStmt);
  const as = opts.get('as');
  const bodyParts = as ? strList(as.List?.items ?? [as]) : [];
  const standard = s.sql_body ? sqlStandardBody(s.sql_body) : undefined;
  const body = standard?.body ?? bodyParts.join(', ');
  const language = opts.get('language') ? str(opts.get('language')).toLowerCase() : 'sql';
  const vol = opts.get('volatility') ? str(opts.get('volatility')) : 'volatile';
  const params: AstNode[] = s.parameters ?? [];
  const args = params
    .map((p: AstNode) => p.FunctionParameter)
    .filter((p: AstNode) => p.mode !== 'FUNC_PARAM_TABLE')
    .map((p: AstNode) =>
      `${MODES[p.mode] ?? ''}${p.name ? p.name + ' ' : ''}${typeText(p.argType)}${p.defexpr ? ' DEFAULT ' + canonicalExprNode(p.defexpr) : ''}`,
    )
    .join(', ');
  return {
    kind: 'createFunction',
    function: namesToRef(strList(s.funcname)),
    orReplace: !!s.replace,
    procedure: !!s.is_procedure,
    identityArgs: identityArgs(params),
    args,
    ...(s.returnType ? { returns: returnsText(s.returnType, params) } : {}),
    language,
    body,
    volatility: vol === 'immutable' || vol === 'stable' ? vol : 'volatile',
    strict: !!(opts.get('strict')?.Boolean?.boolval),
    securityDefiner: !!(opts.get('security')?.Boolean?.boolval),
    ...routineAttributes(opts, sets, language),
    ...(standard ? { sqlBody: standard.sqlBody } : {}),
  };
}

/**
 * The RETURNS clause as pg_get_functiondef prints it: `TABLE(id integer, name text)` for TABLE
 * parameters (the parser turns those into `SETOF record`), else `[SETOF ]type`.
 */
function returnsText(returnType: AstNode, params: AstNode[]): string {
  const columns = params.map((p: AstNode) => p.FunctionParameter).filter((p: AstNode) => p.mode === 'FUNC_PARAM_TABLE');
  if (columns.length) return `TABLE(${columns.map((p: AstNode) => `${quoteIdent(p.name)} ${typeText(p.argType)}`).join(', ')})`;
  return (returnType.setof ? 'SETOF ' : '') + typeText({ ...returnType, setof: false });
}

/** Lowers CREATE TRIGGER; `timing` and `events` are PostgreSQL's tgtype bit masks. */
export function lowerTrigger(s: AstNode): Ddl {
  const timing = (s.timing ?? 0) & 2 ? 'before' : (s.timing ?? 0) & 64 ? 'instead of' : 'after';
  const ev = s.events ?? 0;
  const events = [[4, 'insert'], [8, 'delete'], [16, 'update'], [32, 'truncate']]
    .filter(([bit]) => ev & (bit as number))
    .map(([, name]) => name as string);
  return {
    kind: 'createTrigger', name: s.trigname, table: rangeVarName(s.relation), orReplace: !!s.replace,
    timing, events, updateColumns: strList(s.columns), forEachRow: !!s.row,
    ...(s.whenClause ? { when: canonicalExprNode(s.whenClause) } : {}),
    function: namesToRef(strList(s.funcname)),
    args: strList(s.args),
    constraint: !!s.isconstraint, deferrable: !!s.deferrable, initiallyDeferred: !!s.initdeferred,
    ...transitionTables(s.transitionRels),
  };
}

/** `REFERENCING OLD TABLE AS o NEW TABLE AS n` as `{ oldTable, newTable }` (only those given). */
function transitionTables(rels: AstNode[] | undefined): { oldTable?: string; newTable?: string } {
  const out: { oldTable?: string; newTable?: string } = {};
  for (const r of rels ?? []) {
    const t = r.TriggerTransition;
    if (t.isNew) out.newTable = t.name;
    else out.oldTable = t.name;
  }
  return out;
}

const OBJECT_KINDS: Record<string, TargetKind> = {
  OBJECT_SCHEMA: 'schema', OBJECT_EXTENSION: 'extension', OBJECT_TABLE: 'table', OBJECT_INDEX: 'index',
  OBJECT_SEQUENCE: 'sequence', OBJECT_VIEW: 'view', OBJECT_MATVIEW: 'materialized view', OBJECT_TYPE: 'type',
  OBJECT_DOMAIN: 'domain', OBJECT_DOMCONSTRAINT: 'domain constraint', OBJECT_ATTRIBUTE: 'attribute', OBJECT_FUNCTION: 'function', OBJECT_PROCEDURE: 'procedure', OBJECT_ROUTINE: 'routine', OBJECT_AGGREGATE: 'aggregate', OBJECT_TRIGGER: 'trigger', OBJECT_RULE: 'rule',
  OBJECT_COLUMN: 'column', OBJECT_TABCONSTRAINT: 'constraint', OBJECT_POLICY: 'policy',
  OBJECT_COLLATION: 'collation', OBJECT_OPERATOR: 'operator',
};

/** The model's name for a libpg-query ObjectType, if it models that kind. */
export function targetKind(objtype: string): TargetKind | undefined {
  return OBJECT_KINDS[objtype];
}

/** Names of an object in DROP/COMMENT/ALTER..SCHEMA's `object` field, by object kind. */
export function objectName(objtype: string, obj: AstNode): { object: NameRef; sub?: string; args?: string; operands?: OperatorOperands } {
  if (objtype === 'OBJECT_OPERATOR') {
    const owa = obj.ObjectWithArgs;
    return { object: namesToRef(strList(owa.objname)), operands: operatorOperands(owa) };
  }
  if (objtype === 'OBJECT_TYPE' || objtype === 'OBJECT_DOMAIN') {
    // DROP TYPE names TypeName nodes; RENAME / COMMENT name a plain list of strings.
    const names = obj.TypeName ? strList(obj.TypeName.names) : strList(obj.List?.items ?? obj.names ?? []);
    return { object: namesToRef(names) };
  }
  if (objtype === 'OBJECT_FUNCTION' || objtype === 'OBJECT_PROCEDURE' || objtype === 'OBJECT_ROUTINE' || objtype === 'OBJECT_AGGREGATE') {
    const owa = obj.ObjectWithArgs;
    const args = owa.args_unspecified ? undefined : (owa.objargs ?? []).map((a: AstNode) => typeText(a.TypeName)).join(', ');
    return { object: namesToRef(strList(owa.objname)), ...(args !== undefined ? { args } : {}) };
  }
  if (objtype === 'OBJECT_DOMCONSTRAINT') {
    // RENAME names a plain list (the constraint is `subname`); COMMENT names [TypeName, constraint].
    const items: AstNode[] = obj.List?.items ?? [];
    const type = items[0]?.TypeName;
    if (type) return { object: namesToRef(strList(type.names)), sub: str(items[1]) };
    return { object: namesToRef(strList(items)) };
  }
  if (obj.String) return { object: { name: str(obj) } };
  const names = strList(obj.List?.items ?? []);
  if (objtype === 'OBJECT_TRIGGER' || objtype === 'OBJECT_RULE' || objtype === 'OBJECT_POLICY' || objtype === 'OBJECT_TABCONSTRAINT' || objtype === 'OBJECT_COLUMN') {
    const sub = names.pop()!;
    return { object: namesToRef(names), sub };
  }
  return { object: namesToRef(names) };
}

/** Lowers DROP of any modelled kind. */
export function lowerDrop(s: AstNode): Ddl {
  const target = targetKind(s.removeType);
  if (!target) return { kind: 'unsupported', what: `DROP ${String(s.removeType).replace(/^OBJECT_/, '')}` };
  return {
    kind: 'drop', target, ifExists: !!s.missing_ok, cascade: s.behavior === 'DROP_CASCADE',
    objects: (s.objects ?? []).map((o: AstNode) => objectName(s.removeType, o)),
  };
}

/** Lowers ALTER .. RENAME (tables, columns, constraints, indexes, types, sequences, views, triggers...). */
export function lowerRename(s: AstNode): Ddl {
  const target = targetKind(s.renameType);
  if (!target) return { kind: 'unsupported', what: `RENAME ${String(s.renameType).replace(/^OBJECT_/, '')}` };
  const common = { kind: 'rename' as const, target, newName: s.newname as string, ifExists: !!s.missing_ok };
  if (s.relation) {
    return { ...common, object: rangeVarName(s.relation), ...(s.subname !== undefined ? { sub: s.subname as string } : {}) };
  }
  if (target === 'schema') return { ...common, object: { name: s.subname } };
  const { object, sub = s.subname as string | undefined, args } = objectName(s.renameType, s.object);
  return { ...common, object, ...(sub !== undefined ? { sub } : {}), ...(args !== undefined ? { args } : {}) };
}

/** Lowers ALTER .. SET SCHEMA. */
export function lowerSetSchema(s: AstNode): Ddl {
  const target = targetKind(s.objectType);
  if (!target) return { kind: 'unsupported', what: `ALTER ${String(s.objectType).replace(/^OBJECT_/, '')} SET SCHEMA` };
  const named = s.relation ? { object: rangeVarName(s.relation) } : objectName(s.objectType, s.object);
  return {
    kind: 'setSchema', target, object: named.object, ...('args' in named && named.args !== undefined ? { args: named.args } : {}), newSchema: s.newschema, ifExists: !!s.missing_ok,
    ...(named.operands ? { operands: named.operands } : {}),
  };
}

/** Lowers COMMENT ON. */
export function lowerComment(s: AstNode): Ddl {
  const objtype = String(s.objtype);
  const target = targetKind(objtype);
  if (!target) return notManagedOn(`COMMENT ON ${objtype.replace(/^OBJECT_/, '').replace(/_/g, ' ')}`, objtype);
  return { kind: 'comment', target, ...objectName(objtype, s.object), text: s.comment ?? null };
}

/** Lowers CREATE SCHEMA / CREATE EXTENSION. */
export function lowerSchemaOrExtension(kind: 'schema' | 'extension', s: AstNode): Ddl {
  if (kind === 'schema') {
    if (s.schemaElts?.length) return { kind: 'unsupported', what: 'CREATE SCHEMA with elements' };
    return { kind: 'createSchema', name: s.schemaname, ifNotExists: !!s.if_not_exists };
  }
  const [schema, version] = [optionText(s.options, 'schema'), optionText(s.options, 'new_version')];
  return {
    kind: 'createExtension', name: s.extname, ifNotExists: !!s.if_not_exists,
    ...(schema !== undefined ? { schema } : {}), ...(version !== undefined ? { version } : {}),
  };
}

/** Lowers ALTER EXTENSION .. UPDATE [TO version]. */
export function lowerUpdateExtension(s: AstNode): Ddl {
  const version = optionText(s.options, 'new_version');
  return { kind: 'updateExtension', name: s.extname, ...(version !== undefined ? { version } : {}) };
}

/** The text of option `name` in a CREATE / ALTER EXTENSION option list (`SCHEMA`, `VERSION`). */
function optionText(options: AstNode[] | undefined, name: string): string | undefined {
  const d = (options ?? []).find((o: AstNode) => o.DefElem.defname === name);
  return d ? str(d.DefElem.arg) : undefined;
}
