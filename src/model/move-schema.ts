import type { Mutable } from './mutable.js';
import type {
  ColumnDef, ConstraintDef, DomainCheck, IndexKey, QualifiedName, RuleDef, TypeAttribute, ViewColumnDetail,
} from './objects.js';
import { defaultPrivilegeKey } from './privileges.js';
import { functionKey, operatorArgs, operatorKey, policyKey, relationKey, ruleKey, triggerKey, type SchemaState } from './schema-state.js';

/**
 * How the texts of the model read after a schema rename (src/parse implements it: the model
 * does not parse SQL). Each returns the text unchanged when it does not name the schema.
 */
export interface SchemaTextRename {
  /** The schema an object (`q`, of `space`) or a reference to one is in afterwards. */
  moved(q: QualifiedName, space: NameSpace): string;
  /** A schema's name afterwards (schema rows, extensions, default privileges, and what follows its table: triggers, policies, rules). */
  schema(s: string): string;
  /** Names without column references: type texts, argument lists, routine and operator names, collations, opclasses. */
  names(text: string): string;
  /** A collation as collationName spells it (every part quoted). */
  collation(text: string): string;
  /** An expression, canonical (comparison) or as written (execution). */
  expression(text: string, canonical: boolean): string;
  /**
   * A SQL-standard routine body (`RETURN ..` / `BEGIN ATOMIC .. END`), canonical (FunctionDef.body)
   * or as written (sqlBody): parsed, so only names of objects move, never a table alias like `app.x`.
   */
  routineBody(text: string, canonical: boolean): string;
  /** A view's query (executable text) with its canonical text; undefined when unchanged. */
  query(definition: string): { readonly definition: string; readonly query: string } | undefined;
  /** A rule's canonical actions (`;`-separated). */
  ruleActions(canonical: string): string;
  /** A rule's DO clause as written (`NOTHING`, one statement, `(a; b)`). */
  ruleActionsSql(written: string): string;
}

/** The kinds of objects that have their own name space in a schema (a table's row type is a type too). */
export type NameSpace = 'relation' | 'type' | 'routine' | 'operator' | 'collation' | 'opclass' | 'other';

/** The maps of a state that a schema rename rewrites (a SchemaState, or replay's working copy). */
export type SchemaMaps = Omit<SchemaState, 'history' | 'privilegeRoles'>;

/** An optional text rewritten (absent stays absent). */
const opt = <T>(v: T | undefined, f: (v: T) => T): T | undefined => (v === undefined ? undefined : f(v));

/** Sets only the fields that are present, so that rewritten objects stay structurally equal to unrewritten ones. */
function fields<T extends object>(o: T, changes: { [K in keyof T]?: T[K] | undefined }): T {
  const out = { ...o } as Mutable<T>;
  for (const [k, v] of Object.entries(changes)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out as T;
}

/**
 * The state after `ALTER SCHEMA from RENAME TO to` (or `ALTER .. SET SCHEMA` of one object, as
 * `text` says what moves): every object of the schema lives in the new
 * one (its grants, comments, owners and the default privileges IN SCHEMA with it), and every
 * object anywhere that refers to one of them by OID (FKs, column types, defaults, CHECKs, index
 * keys, view queries, policies, rules, trigger functions, operators' and aggregates' routines)
 * names it under the new schema, as the catalog prints it. Function bodies and SET search_path
 * are text to PostgreSQL and stay as they were (a body naming `from.x` breaks, as it does there).
 */
export function movedSchemaState<S extends SchemaMaps>(state: S, text: SchemaTextRename): SchemaMaps {
  const sch = text.schema;
  const ref = <Q extends QualifiedName>(q: Q, space: NameSpace = 'relation'): Q => {
    const to = text.moved(q, space);
    return to === q.schema ? q : { ...q, schema: to };
  };
  const n = (t: string | undefined): string | undefined => opt(t, text.names);
  const coll = (t: string | undefined): string | undefined => opt(t, text.collation);
  const canon = (t: string | undefined): string | undefined => opt(t, (x) => text.expression(x, true));
  const written = (t: string | undefined): string | undefined => opt(t, (x) => text.expression(x, false));
  const rekey = <T>(m: ReadonlyMap<string, T>, move: (o: T) => T, key: (o: T) => string): Map<string, T> => {
    const out = new Map<string, T>();
    for (const o of m.values()) {
      const moved = move(o);
      out.set(key(moved), moved);
    }
    return out;
  };
  const byName = <T extends QualifiedName>(o: T): string => relationKey(o.schema, o.name);
  const key = (k: IndexKey): IndexKey =>
    fields(k, { expression: canon(k.expression), expressionSql: written(k.expressionSql), collation: coll(k.collation), opclass: n(k.opclass) });
  const column = (c: ColumnDef): ColumnDef =>
    fields(c, {
      type: text.names(c.type), default: canon(c.default), defaultSql: written(c.defaultSql),
      generated: canon(c.generated), generatedSql: written(c.generatedSql), collation: coll(c.collation),
    });
  const constraint = (c: ConstraintDef): ConstraintDef => {
    switch (c.type) {
      case 'foreign key':
        return { ...c, references: { ...c.references, table: ref(c.references.table) } };
      case 'check':
        return fields(c, { expression: text.expression(c.expression, true), expressionSql: written(c.expressionSql) });
      case 'exclude':
        return fields(c, { keys: c.keys.map(key), where: canon(c.where), whereSql: written(c.whereSql) });
      default:
        return c;
    }
  };
  const check = (c: DomainCheck): DomainCheck => fields(c, { expression: text.expression(c.expression, true), expressionSql: written(c.expressionSql) });
  const attribute = (a: TypeAttribute): TypeAttribute => fields(a, { type: text.names(a.type), collation: coll(a.collation) });
  const detail = (d: ViewColumnDetail): ViewColumnDetail => fields(d, { default: canon(d.default), defaultSql: written(d.defaultSql) });
  const rule = (r: RuleDef): RuleDef =>
    fields(r, { schema: sch(r.schema), where: canon(r.where), whereSql: written(r.whereSql), actions: text.ruleActions(r.actions), actionsSql: opt(r.actionsSql, text.ruleActionsSql) });
  const out: SchemaMaps = {
    schemas: rekey(state.schemas, (s) => (sch(s.name) === s.name ? s : { ...s, name: sch(s.name) }), (s) => s.name),
    extensions: rekey(state.extensions, (e) => (e.schema === undefined || sch(e.schema) === e.schema ? e : { ...e, schema: sch(e.schema) }), (e) => e.name),
    enums: rekey(state.enums, (e) => ref(e, 'type'), byName),
    domains: rekey(
      state.domains,
      (d) => fields(ref(d, 'type'), { baseType: text.names(d.baseType), collation: coll(d.collation), default: canon(d.default), defaultSql: written(d.defaultSql), checks: d.checks.map(check) }),
      byName,
    ),
    compositeTypes: rekey(state.compositeTypes, (c) => ({ ...ref(c, 'type'), attributes: c.attributes.map(attribute) }), byName),
    rangeTypes: rekey(
      state.rangeTypes,
      (r) =>
        fields(ref(r, 'type'), {
          subtype: text.names(r.subtype), subtypeOpclass: n(r.subtypeOpclass), collation: coll(r.collation),
          canonical: n(r.canonical), subtypeDiff: n(r.subtypeDiff), multirange: ref(r.multirange, 'type'),
        }),
      byName,
    ),
    collations: rekey(state.collations, (c) => ref(c, 'collation'), byName),
    operators: rekey(
      state.operators,
      (o) =>
        fields(ref(o, 'operator'), {
          left: n(o.left), right: n(o.right), function: text.names(o.function), commutator: n(o.commutator),
          negator: n(o.negator), restrict: n(o.restrict), join: n(o.join),
        }),
      (o) => operatorKey(o.schema, o.name, operatorArgs(o.left, o.right)),
    ),
    sequences: rekey(state.sequences, (q) => ref(q), byName),
    tables: rekey(
      state.tables,
      (t) =>
        fields(ref(t), {
          partitionBy: n(t.partitionBy), partitionOf: opt(t.partitionOf, (p) => ({ ...p, parent: ref(p.parent) })),
          columns: t.columns.map(column), constraints: t.constraints.map(constraint),
        }),
      byName,
    ),
    indexes: rekey(state.indexes, (i) => fields(ref(i), { keys: i.keys.map(key), where: canon(i.where), whereSql: written(i.whereSql) }), byName),
    views: rekey(state.views, (v) => fields(ref(v), { ...text.query(v.definition), columnDetails: opt(v.columnDetails, (ds) => ds.map(detail)) }), byName),
    // A SQL-standard body is kept parsed (the catalog prints the new schema); a quoted body is text.
    functions: rekey(
      state.functions,
      (f) =>
        fields(ref(f, 'routine'), {
          identityArgs: text.names(f.identityArgs), args: text.names(f.args), returns: n(f.returns),
          ...(f.sqlBody !== undefined ? { sqlBody: text.routineBody(f.sqlBody, false), body: text.routineBody(f.body, true) } : {}),
        }),
      (f) => functionKey(f.schema, f.name, f.identityArgs),
    ),
    aggregates: rekey(
      state.aggregates,
      (a) =>
        fields(ref(a, 'routine'), {
          identityArgs: text.names(a.identityArgs), args: text.names(a.args), sfunc: text.names(a.sfunc), stype: text.names(a.stype),
          finalfunc: n(a.finalfunc), combinefunc: n(a.combinefunc), serialfunc: n(a.serialfunc), deserialfunc: n(a.deserialfunc),
          msfunc: n(a.msfunc), minvfunc: n(a.minvfunc), mstype: n(a.mstype), mfinalfunc: n(a.mfinalfunc), sortop: n(a.sortop),
        }),
      (a) => functionKey(a.schema, a.name, a.identityArgs),
    ),
    triggers: rekey(state.triggers, (g) => fields(g, { schema: sch(g.schema), function: ref(g.function, 'routine'), when: canon(g.when) }), (g) => triggerKey(g.schema, g.table, g.name)),
    policies: rekey(
      state.policies,
      (p) => fields(p, { schema: sch(p.schema), using: canon(p.using), usingSql: written(p.usingSql), withCheck: canon(p.withCheck), withCheckSql: written(p.withCheckSql) }),
      (p) => policyKey(p.schema, p.table, p.name),
    ),
    rules: rekey(state.rules, rule, (r) => ruleKey(r.schema, r.table, r.name)),
    ...(state.defaultPrivileges
      ? { defaultPrivileges: rekey(state.defaultPrivileges, (d) => (d.schema === undefined || sch(d.schema) === d.schema ? d : { ...d, schema: sch(d.schema) }), defaultPrivilegeKey) }
      : {}),
  };
  return out;
}
