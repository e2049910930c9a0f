import { operatorArgs, relationKey, type SchemaState } from '../model/schema-state.js';
import type { ColumnDef, ConstraintDef, SequenceDef, TableDef, ViewDef } from '../model/objects.js';
import { indexComment } from '../model/index-backed.js';
import {
  addConstraintSql,
  addDomainCheckSql,
  alterSequenceOwnedBySql,
  commentSql,
  createCompositeTypeSql,
  createDomainSql,
  createCollationSql,
  createOperatorSql,
  createEnumSql,
  createExtensionSql,
  createAggregateSql,
  createFunctionSql,
  createRuleSql,
  createIndexSql,
  createRangeTypeSql,
  createSchemaSql,
  createSequenceSql,
  createTableSql,
  createTriggerSql,
  triggerFiringSql,
  ruleFiringSql,
  createPolicySql,
  rowSecuritySql,
  createViewSql,
  viewColumnDefaultSql,
  defaultColumnSequenceName,
  domainCheckCommentSql,
} from '../model/sql/index.js';
import { RelationMentions } from './relation-mentions.js';
import { ownerAndPrivilegeStatements } from './state-privileges.js';
import { compareText, dependencyOrder, entriesByKey, valuesByKey } from './sort-order.js';

/** Options of {@link renderStateSql}. */
export interface RenderStateSqlOptions {
  /** Print a `-- Tables` style line before each non-empty section (default true). */
  readonly sectionHeaders?: boolean;
  /**
   * Begin with the settings running it needs, `SET check_function_bodies = off` when there are
   * functions (default true; `plan --diff` compares objects, not scripts, and leaves it out).
   */
  readonly settings?: boolean;
}

/**
 * The canonical DDL dump of a state: byte-identical for equal states (whatever the Map insertion
 * order or the objects' origins), and runnable top to bottom on an empty database (with functions,
 * it first sets check_function_bodies off for the session, as pg_dump's output does). Order: schemas,
 * extensions, enums, sequences not implicit in an identity column (serial ones too: their
 * `nextval` defaults need them), tables (parents before partitions; PK/UNIQUE/CHECK/EXCLUDE
 * inline, by name), OWNED BY, functions, aggregates, views (after the views they mention), indexes (after
 * views: materialized views have them), foreign keys and NOT VALID checks (as ALTER TABLE, by table
 * then name), triggers, rules, row-level security (tables' flags, then policies), owners and privileges
 * (see state-privileges.ts), comments.
 */
export function renderStateSql(state: SchemaState, opts: RenderStateSqlOptions = {}): string {
  const identity = identitySequences(state);
  const sequences = valuesByKey(state.sequences).filter((s) => !identity.keys.has(relationKey(s.schema, s.name)));
  const tables = dependencyOrder(entriesByKey(state.tables), (t) =>
    t.partitionOf ? [relationKey(t.partitionOf.parent.schema, t.partitionOf.parent.name)] : [],
  );
  const orderedViews = viewOrder(state);
  const addedLater = laterConstraints(state);
  const domains = [...state.domains.values()];
  const added = tables
    .flatMap((t) => {
      const later = t.constraints.filter(addedLater);
      if (!later.length) return [];
      const key = relationKey(t.schema, t.name);
      return byName(later).map((c) => ({ key, t, c }));
    })
    .sort((x, y) => compareText(x.key, y.key));

  const sections: [string, string[]][] = [
    // As pg_dump's output: a LANGUAGE sql body may name a function, view or table created after it.
    ['Settings', (opts.settings ?? true) && state.functions.size ? ['SET check_function_bodies = off'] : []],
    ['Schemas', valuesByKey(state.schemas).filter((s) => s.name !== 'public').map((s) => createSchemaSql(s))],
    ['Extensions', valuesByKey(state.extensions).map((e) => createExtensionSql(e, { ifNotExists: true }))],
    ['Collations', valuesByKey(state.collations).map(createCollationSql)],
    ['Types', typeStatements(state)],
    ['Unvalidated domain checks', domains.flatMap((d) => d.checks.filter((c) => !c.validated).map((c) => addDomainCheckSql(d, c, 'canonical')))],
    ['Sequences', sequences.map((s) => createSequenceSql(s))],
    [
      'Tables',
      tables.map((t) =>
        createTableSql(t, {
          constraints: byName(t.constraints.filter((c) => !addedLater(c))),
          identitySequences: identity.byTable.get(relationKey(t.schema, t.name)) ?? new Map(),
          spelling: 'canonical',
        }),
      ),
    ],
    ['Sequence ownership', sequences.filter((s) => s.ownedBy).map(alterSequenceOwnedBySql)],
    ['Functions', valuesByKey(state.functions).map(createFunctionSql)],
    ['Operators', valuesByKey(state.operators).map(createOperatorSql)],
    ['Aggregates', valuesByKey(state.aggregates).map((a) => createAggregateSql(a))],
    ['Views', orderedViews.map((v) => createViewSql(v, { query: 'canonical' }))],
    ['View column defaults', orderedViews.flatMap((v) => (v.columnDetails ?? []).filter((d) => d.default !== undefined).map((d) => viewColumnDefaultSql(v, d.name, d.default)))],
    ['Indexes', valuesByKey(state.indexes).map((i) => createIndexSql(i, { spelling: 'canonical' }))],
    ['Foreign keys and unvalidated checks', added.map(({ t, c }) => addConstraintSql(t, c, 'canonical'))],
    ['Triggers', valuesByKey(state.triggers).flatMap((t) => (t.enabled ? [createTriggerSql(t), triggerFiringSql(t)] : [createTriggerSql(t)]))],
    ['Rules', valuesByKey(state.rules).flatMap(({ whereSql: _w, actionsSql: _a, ...r }) => (r.enabled ? [createRuleSql(r), ruleFiringSql(r)] : [createRuleSql(r)]))],
    ['Row-level security', rowSecurityStatements(state, tables)],
    ['Owners and privileges', ownerAndPrivilegeStatements(state)],
    ['Comments', commentStatements(state, tables)],
  ];
  const headers = opts.sectionHeaders ?? true;
  return sections
    .filter(([, statements]) => statements.length > 0)
    .map(([title, statements]) => (headers ? `-- ${title}\n\n` : '') + statements.map((s) => `${s};\n`).join('\n'))
    .join('\n');
}

/** Views after the views their query may mention (by name where that cannot be told). */
function viewOrder(state: SchemaState): ViewDef[] {
  const byName = new Map<string, ViewDef[]>();
  for (const v of state.views.values()) byName.set(v.name, [...(byName.get(v.name) ?? []), v]);
  return dependencyOrder(entriesByKey(state.views), (v) => {
    const mentions = new RelationMentions(v.query);
    const candidates = [...mentions.names()].flatMap((name) => byName.get(name) ?? []);
    return candidates.filter((other) => other !== v && mentions.has(other)).map((o) => relationKey(o.schema, o.name));
  });
}

/**
 * Constraints added by ALTER TABLE once every table exists: foreign keys (they may form cycles
 * or point at unique indexes), unvalidated CHECKs, since CREATE TABLE silently ignores NOT VALID,
 * and CHECKs using an operator of the state.
 */
function laterConstraints(state: SchemaState): (c: ConstraintDef) => boolean {
  const operators = [...state.operators.values()];
  // Operators come after the functions they call, which come after the tables.
  const usesOperator = (expr: string): boolean => {
    if (!operators.length) return false;
    const mentions = new RelationMentions(expr);
    return operators.some((o) => mentions.has(o));
  };
  return (c) => c.type === 'foreign key' || (c.type === 'check' && (!c.validated || usesOperator(c.expression)));
}

function byName<C extends ConstraintDef>(constraints: readonly C[]): C[] {
  return [...constraints].sort((a, b) => compareText(a.name, b.name));
}

interface IdentitySequences {
  /** Keys of sequences implicit in identity columns: created by CREATE TABLE, never printed alone. */
  readonly keys: ReadonlySet<string>;
  /** Table key → column name → its identity sequence. */
  readonly byTable: ReadonlyMap<string, ReadonlyMap<string, SequenceDef>>;
}

/**
 * Finds each identity column's sequence: the one OWNED BY the column, else the one named by
 * `identity.sequence` (or PostgreSQL's default name) in the table's schema.
 */
function identitySequences(state: SchemaState): IdentitySequences {
  const keys = new Set<string>();
  const byTable = new Map<string, Map<string, SequenceDef>>();
  const owned = new Map<string, [string, SequenceDef]>();
  for (const [key, seq] of entriesByKey(state.sequences)) {
    if (seq.ownedBy) owned.set(`${relationKey(seq.schema, seq.ownedBy.table)}\n${seq.ownedBy.column}`, [key, seq]);
  }
  for (const [tableKey, table] of entriesByKey(state.tables)) {
    for (const col of table.columns) {
      if (!col.identity) continue;
      const found = owned.get(`${tableKey}\n${col.name}`) ?? byIdentityName(state, table, col);
      if (!found) continue;
      keys.add(found[0]);
      let cols = byTable.get(tableKey);
      if (!cols) byTable.set(tableKey, (cols = new Map()));
      cols.set(col.name, found[1]);
    }
  }
  return { keys, byTable };
}

function byIdentityName(state: SchemaState, table: TableDef, col: ColumnDef): [string, SequenceDef] | undefined {
  const key = relationKey(table.schema, col.identity?.sequence ?? defaultColumnSequenceName(table.name, col.name));
  const seq = state.sequences.get(key);
  return seq ? [key, seq] : undefined;
}

/** ENABLE / FORCE ROW LEVEL SECURITY of the tables that have it, then the policies in canonical spelling. */
function rowSecurityStatements(state: SchemaState, tables: readonly TableDef[]): string[] {
  const flags = tables
    .filter((t) => t.rowSecurity || t.forceRowSecurity)
    .map((t) => rowSecuritySql(t, t.rowSecurity ? true : undefined, t.forceRowSecurity ? true : undefined));
  const policies = valuesByKey(state.policies).map(({ usingSql: _u, withCheckSql: _w, ...p }) => createPolicySql(p));
  return [...flags, ...policies];
}

/** Every comment of the state, grouped by kind in dump order, each group sorted like its objects. */
function commentStatements(state: SchemaState, tables: readonly TableDef[]): string[] {
  const out: string[] = [];
  for (const s of valuesByKey(state.schemas)) if (s.comment !== undefined) out.push(commentSql('schema', s, s.comment));
  for (const e of valuesByKey(state.extensions)) if (e.comment !== undefined) out.push(commentSql('extension', e, e.comment || null));
  for (const c of valuesByKey(state.collations)) if (c.comment !== undefined) out.push(commentSql('collation', c, c.comment));
  for (const e of valuesByKey(state.enums)) if (e.comment !== undefined) out.push(commentSql('enum', e, e.comment));
  for (const c of valuesByKey(state.compositeTypes)) {
    if (c.comment !== undefined) out.push(commentSql('composite type', c, c.comment));
    for (const a of c.attributes) if (a.comment !== undefined) out.push(commentSql('column', { schema: c.schema, table: c.name, name: a.name }, a.comment));
  }
  for (const r of valuesByKey(state.rangeTypes)) if (r.comment !== undefined) out.push(commentSql('range type', r, r.comment));
  for (const d of valuesByKey(state.domains)) {
    if (d.comment !== undefined) out.push(commentSql('domain', d, d.comment));
    for (const c of d.checks) if (c.comment !== undefined) out.push(domainCheckCommentSql(d, c.name, c.comment));
  }
  for (const s of valuesByKey(state.sequences)) {
    if (s.comment !== undefined) out.push(commentSql('sequence', s, s.comment));
  }
  for (const t of tables) {
    if (t.comment !== undefined) out.push(commentSql('table', t, t.comment));
    for (const c of t.columns) {
      if (c.comment !== undefined) out.push(commentSql('column', { schema: t.schema, table: t.name, name: c.name }, c.comment));
    }
    for (const c of byName(t.constraints)) {
      if (c.comment !== undefined) out.push(commentSql('constraint', { schema: t.schema, table: t.name, name: c.name }, c.comment));
      const onIndex = indexComment(c);
      if (onIndex !== undefined) out.push(commentSql('index', { schema: t.schema, name: c.name }, onIndex));
    }
  }
  for (const f of valuesByKey(state.functions)) {
    if (f.comment !== undefined) out.push(commentSql(f.kind, { schema: f.schema, name: f.name, args: f.identityArgs }, f.comment));
  }
  for (const o of valuesByKey(state.operators)) {
    if (o.comment !== undefined) out.push(commentSql('operator', { schema: o.schema, name: o.name, args: operatorArgs(o.left, o.right) }, o.comment));
  }
  for (const a of valuesByKey(state.aggregates)) {
    if (a.comment !== undefined) out.push(commentSql('aggregate', { schema: a.schema, name: a.name, args: a.identityArgs }, a.comment));
  }
  for (const v of valuesByKey(state.views)) {
    if (v.comment !== undefined) out.push(commentSql(v.materialized ? 'materialized view' : 'view', v, v.comment));
    for (const d of v.columnDetails ?? []) {
      if (d.comment !== undefined) out.push(commentSql('column', { schema: v.schema, table: v.name, name: d.name }, d.comment));
    }
  }
  for (const i of valuesByKey(state.indexes)) if (i.comment !== undefined) out.push(commentSql('index', i, i.comment));
  for (const t of valuesByKey(state.triggers)) {
    if (t.comment !== undefined) out.push(commentSql('trigger', { schema: t.schema, table: t.table, name: t.name }, t.comment));
  }
  for (const p of valuesByKey(state.policies)) {
    if (p.comment !== undefined) out.push(commentSql('policy', { schema: p.schema, table: p.table, name: p.name }, p.comment));
  }
  for (const r of valuesByKey(state.rules)) {
    if (r.comment !== undefined) out.push(commentSql('rule', { schema: r.schema, table: r.table, name: r.name }, r.comment));
  }
  return out;
}

/**
 * CREATE TYPE / DOMAIN of every user type, each after the types it is built on (a domain over a
 * domain or composite, a composite of a range or of another composite, a range over a domain),
 * else by key. A multirange stands for its range.
 */
function typeStatements(state: SchemaState): string[] {
  const multiranges = new Map([...state.rangeTypes].map(([k, r]) => [relationKey(r.multirange.schema, r.multirange.name), k]));
  const keyOf = (type: string): string => {
    const k = type.replace(/\[\]$/, '');
    return multiranges.get(k) ?? k;
  };
  const entries: [string, { sql: string; uses: string[] }][] = [
    ...entriesByKey(state.enums).map(([k, e]): [string, { sql: string; uses: string[] }] => [k, { sql: createEnumSql(e), uses: [] }]),
    ...entriesByKey(state.domains).map(([k, d]): [string, { sql: string; uses: string[] }] => [k, { sql: createDomainSql(d, 'canonical'), uses: [keyOf(d.baseType)] }]),
    ...entriesByKey(state.rangeTypes).map(([k, r]): [string, { sql: string; uses: string[] }] => [k, { sql: createRangeTypeSql(r), uses: [keyOf(r.subtype)] }]),
    ...entriesByKey(state.compositeTypes).map(([k, c]): [string, { sql: string; uses: string[] }] => [k, { sql: createCompositeTypeSql(c), uses: c.attributes.map((a) => keyOf(a.type)) }]),
  ];
  return dependencyOrder(entries, (e) => e.uses).map((e) => e.sql);
}
