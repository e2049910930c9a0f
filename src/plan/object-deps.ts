import type { QualifiedName } from '../model/names.js';
import type { SchemaState } from '../model/schema-state.js';
import { aggregateRoutines } from '../model/objects.js';
import type {
  AggregateDef, RuleDef,
  CollationDef, ColumnDef, CompositeTypeDef, ConstraintDef, DomainDef, OperatorDef, RangeTypeDef, EnumDef, ExtensionDef, FunctionDef, IndexDef, SchemaDef, SequenceDef, TableDef, TriggerDef, ViewDef,
} from '../model/objects.js';
import { operatorArgs } from '../model/schema-state.js';
import {
  collationDep, operatorDep, operatorNameDep,
  columnDep, constraintDep, enumValueDep, ruleDep, extensionDep, functionDep, relationDep, routineDep, schemaDep, triggerDep, typeDep,
  uniqueKeysDep, type DepKey,
} from './dependency-keys.js';
import { expressionTexts, type Mentionable } from './mentions.js';

/**
 * What an object provides and needs, for ordering: `provides` keys (of which `mentionables` can
 * be named in expressions), `requires` keys, and SQL texts whose mentioned names are needed too.
 * Used for the target objects of creations and, reversed, for the live objects that drops remove.
 */
export interface Deps {
  readonly provides: readonly DepKey[];
  readonly mentionables: readonly Mentionable[];
  readonly requires: readonly DepKey[];
  readonly mentions: readonly string[];
}

/** No dependencies. */
export const NO_DEPS: Deps = { provides: [], mentionables: [], requires: [], mentions: [] };

/** Unions several Deps. */
export function mergeDeps(...parts: readonly Deps[]): Deps {
  return {
    provides: parts.flatMap((p) => p.provides),
    mentionables: parts.flatMap((p) => p.mentionables),
    requires: parts.flatMap((p) => p.requires),
    mentions: parts.flatMap((p) => p.mentions),
  };
}

/** Builds Deps, leaving out what is empty. */
export function deps(d: Partial<Deps>): Deps {
  return { ...NO_DEPS, ...d };
}

function relation(rel: QualifiedName): Mentionable {
  return { key: relationDep(rel), ref: { schema: rel.schema, name: rel.name } };
}

function enumType(e: QualifiedName): Mentionable {
  return { key: typeDep(e), ref: { schema: e.schema, name: e.name } };
}

function collation(c: QualifiedName): Mentionable {
  return { key: collationDep(c), ref: { schema: c.schema, name: c.name } };
}

/** Expressions name an operator by its symbol (`a === b`, `OPERATOR(s.===)`): every operator of it. */
function operator(o: QualifiedName): Mentionable {
  return { key: operatorNameDep(o), ref: { schema: o.schema, name: o.name } };
}

function routine(f: QualifiedName): Mentionable {
  return { key: functionDep(f), ref: { schema: f.schema, name: f.name } };
}

/**
 * Everything expressions in a state can name (its relations, enum types, domains and functions): the
 * `mentionables` of every object's Deps, without computing the rest of them.
 */
export function stateMentionables(s: SchemaState): Mentionable[] {
  const out: Mentionable[] = [];
  for (const rels of [s.tables, s.views, s.sequences, s.indexes] as const) for (const r of rels.values()) out.push(relation(r));
  for (const e of s.enums.values()) out.push(enumType(e));
  for (const d of s.domains.values()) out.push(enumType(d));
  for (const c of s.compositeTypes.values()) out.push(enumType(c));
  for (const r of s.rangeTypes.values()) out.push(...rangeTypeDeps(r).mentionables);
  for (const c of s.collations.values()) out.push(collation(c));
  for (const o of s.operators.values()) out.push(operator(o));
  for (const f of s.functions.values()) out.push(routine(f));
  for (const a of s.aggregates.values()) out.push(routine(a));
  return out;
}

/** A schema. */
export function schemaDeps(s: SchemaDef): Deps {
  return deps({ provides: [schemaDep(s.name)] });
}

/** An extension, which needs the schema it is installed into. */
export function extensionDeps(e: ExtensionDef): Deps {
  return deps({ provides: [extensionDep(e.name)], requires: e.schema !== undefined ? [schemaDep(e.schema)] : [] });
}

/** An enum type and its labels. */
export function enumDeps(e: EnumDef): Deps {
  return deps({
    provides: [typeDep(e), ...e.values.map((v) => enumValueDep(e, v))],
    mentionables: [enumType(e)],
    requires: [schemaDep(e.schema)],
  });
}

/** A domain: its schema, and what its base type, default and checks name (types, functions). */
export function domainDeps(d: DomainDef): Deps {
  return deps({
    provides: [typeDep(d)],
    mentionables: [enumType(d)],
    requires: [schemaDep(d.schema)],
    mentions: [d.baseType, ...(d.collation !== undefined ? [d.collation] : []), ...expressionTexts(d.default), ...d.checks.flatMap((c) => expressionTexts(c.expression))],
  });
}

/** A collation: its schema. */
export function collationDeps(c: CollationDef): Deps {
  return deps({ provides: [collationDep(c)], mentionables: [collation(c)], requires: [schemaDep(c.schema)] });
}

/**
 * An operator: its schema, the functions it calls (its own, the estimators) and its operand types.
 * `after`: operators that must be created first (see the operator diff: links PostgreSQL makes mutual).
 */
export function operatorDeps(o: OperatorDef, after: readonly string[] = []): Deps {
  const fns = [o.function, o.restrict, o.join].filter((f): f is string => f !== undefined && !f.startsWith('pg_catalog.'));
  return deps({
    provides: [operatorDep(o, operatorArgs(o.left, o.right)), operatorNameDep(o)],
    mentionables: [operator(o)],
    requires: [schemaDep(o.schema), ...after],
    // Its functions (schema-qualified names) and operand types are found by name.
    mentions: [...fns, ...[o.left, o.right].filter((t): t is string => t !== undefined)],
  });
}

/** A composite type: its schema, and the types of its attributes; it provides them as columns of the type. */
export function compositeTypeDeps(c: CompositeTypeDef): Deps {
  return deps({
    provides: [typeDep(c), ...c.attributes.map((a) => columnDep(c, a.name))],
    mentionables: [enumType(c)],
    requires: [schemaDep(c.schema)],
    mentions: c.attributes.map((a) => a.type),
  });
}

/** A range type and its multirange (both named types): its schema, subtype and functions. */
export function rangeTypeDeps(r: RangeTypeDef): Deps {
  return deps({
    provides: [typeDep(r), typeDep(r.multirange)],
    mentionables: [enumType(r), enumType(r.multirange)],
    requires: [schemaDep(r.schema), schemaDep(r.multirange.schema)],
    mentions: [r.subtype, ...(r.canonical !== undefined ? [r.canonical] : []), ...(r.subtypeDiff !== undefined ? [r.subtypeDiff] : [])],
  });
}

/** A sequence (its owner is a separate, later action). */
export function sequenceDeps(s: SequenceDef): Deps {
  return deps({ provides: [relationDep(s)], mentionables: [relation(s)], requires: [schemaDep(s.schema)] });
}

/** One column: its type (an enum), default (functions, `nextval` sequences) and generation expression. */
export function columnDeps(table: QualifiedName, c: ColumnDef): Deps {
  return deps({
    provides: [columnDep(table, c.name)],
    requires: [relationDep(table)],
    mentions: [c.type, ...(c.collation !== undefined ? [c.collation] : []), ...expressionTexts(c.default), ...expressionTexts(c.generated)],
  });
}

/**
 * A table constraint: its table and columns; a foreign key also the referenced table, columns
 * and unique key; PRIMARY KEY/UNIQUE/EXCLUDE provide a unique key foreign keys can point at.
 */
export function constraintDeps(table: QualifiedName, c: ConstraintDef): Deps {
  const provides = [constraintDep(table, c.name)];
  const requires = [relationDep(table)];
  const mentions: string[] = [];
  switch (c.type) {
    case 'primary key':
    case 'unique':
      provides.push(uniqueKeysDep(table));
      requires.push(...[...c.columns, ...c.include].map((n) => columnDep(table, n)));
      break;
    case 'exclude':
      provides.push(uniqueKeysDep(table));
      requires.push(...c.include.map((n) => columnDep(table, n)));
      for (const k of c.keys) {
        if (k.column !== undefined) requires.push(columnDep(table, k.column));
        mentions.push(...expressionTexts(k.expression));
      }
      mentions.push(...expressionTexts(c.where));
      break;
    case 'foreign key': {
      const ref = c.references.table;
      requires.push(...c.columns.map((n) => columnDep(table, n)));
      requires.push(relationDep(ref), uniqueKeysDep(ref), ...c.references.columns.map((n) => columnDep(ref, n)));
      break;
    }
    case 'check':
      mentions.push(...expressionTexts(c.expression));
      break;
  }
  return deps({ provides, requires, mentions });
}

/** A table with the given (inline) constraints, its columns, and the parent of a partition. */
export function tableDeps(t: TableDef, constraints: readonly ConstraintDef[] = t.constraints): Deps {
  const own = deps({
    provides: [relationDep(t)],
    mentionables: [relation(t)],
    requires: [schemaDep(t.schema), ...(t.partitionOf ? [relationDep(t.partitionOf.parent)] : [])],
  });
  const columns = t.columns.map((c) => columnDeps(t, c));
  const merged = mergeDeps(own, ...columns, ...constraints.map((c) => constraintDeps(t, c)));
  // The table itself provides its columns and constraints: drop what it requires of itself.
  const provided = new Set(merged.provides);
  return { ...merged, requires: merged.requires.filter((k) => !provided.has(k)) };
}

/** A stand-alone index: its table, columns and expressions; a unique one is a unique key. */
export function indexDeps(i: IndexDef): Deps {
  const table = { schema: i.schema, name: i.table };
  const requires = [schemaDep(i.schema), relationDep(table), ...i.include.map((n) => columnDep(table, n))];
  const mentions = expressionTexts(i.where);
  for (const k of i.keys) {
    if (k.column !== undefined) requires.push(columnDep(table, k.column));
    mentions.push(...expressionTexts(k.expression), ...(k.collation !== undefined ? [k.collation] : []));
  }
  return deps({
    provides: [relationDep(i), ...(i.unique ? [uniqueKeysDep(table)] : [])],
    mentionables: [relation(i)],
    requires,
    mentions,
  });
}

/** A view: whatever its query mentions (the canonical text and the executable definition). */
export function viewDeps(v: ViewDef): Deps {
  return deps({
    provides: [relationDep(v)],
    mentionables: [relation(v)],
    requires: [schemaDep(v.schema)],
    mentions: [v.query, v.definition],
  });
}

/**
 * A function: argument and result types always (they may be enums or table row types); the body
 * only for LANGUAGE sql, the one PostgreSQL validates against existing tables at creation.
 */
export function functionDeps(f: FunctionDef): Deps {
  return deps({
    provides: [functionDep(f), routineDep(f, f.identityArgs)],
    mentionables: [routine(f)],
    requires: [schemaDep(f.schema)],
    mentions: [f.args, ...(f.returns !== undefined ? [f.returns] : []), ...(isSqlFunction(f) ? [f.body] : [])],
  });
}

/** Whether a function is LANGUAGE sql, whose body must find its tables at creation time. */
export function isSqlFunction(f: FunctionDef): boolean {
  return f.language.toLowerCase() === 'sql';
}

/** A trigger: its table, `UPDATE OF` columns, function and WHEN condition. */
export function triggerDeps(t: TriggerDef): Deps {
  const table = { schema: t.schema, name: t.table };
  return deps({
    provides: [triggerDep(table, t.name)],
    requires: [relationDep(table), functionDep(t.function), ...t.updateColumns.map((c) => columnDep(table, c))],
    mentions: expressionTexts(t.when),
  });
}

/** A support routine as an aggregate names it (`f`, `app.f`): unqualified ones are taken to be in public. */
function supportRoutine(text: string): QualifiedName {
  const m = /^("(?:[^"]|"")+"|[^."]+)\.(.+)$/.exec(text);
  const unquote = (x: string): string => (x.startsWith('"') ? x.slice(1, -1).replace(/""/g, '"') : x);
  return m ? { schema: unquote(m[1]!), name: unquote(m[2]!) } : { schema: 'public', name: unquote(text) };
}

/**
 * An aggregate: its support functions (created before it, dropped after it), the types of its
 * arguments and states; views calling it mention it like a function (one routine name space).
 */
export function aggregateDeps(a: AggregateDef): Deps {
  return deps({
    provides: [functionDep(a), routineDep(a, a.identityArgs)],
    mentionables: [routine(a)],
    requires: [schemaDep(a.schema), ...aggregateRoutines(a).map((f) => functionDep(supportRoutine(f)))],
    mentions: [a.args, a.stype, ...(a.mstype !== undefined ? [a.mstype] : [])],
  });
}

/** A rule: its relation, and every relation and function its condition and actions mention. */
export function ruleDeps(r: RuleDef): Deps {
  const table = { schema: r.schema, name: r.table };
  return deps({
    provides: [ruleDep(table, r.name)],
    requires: [relationDep(table)],
    mentions: [...expressionTexts(r.where), r.actions, ...(r.actionsSql !== undefined ? [r.actionsSql] : [])],
  });
}
