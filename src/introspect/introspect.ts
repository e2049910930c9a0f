import { describeLockHolders, isLockTimeout, type Database } from '../db/index.js';
import { UserError } from '../errors.js';
import { canonicalPartitionBound, partitionKeyTypes } from '../model/partition-bound.js';
import {
  type AggregateDef, type CollationDef, type CompositeTypeDef, type ConstraintDef, type DomainDef, type OperatorDef, operatorArgs, operatorKey, type RangeTypeDef, type EnumDef, type ExtensionDef, type FunctionDef, type IndexDef,
  type PolicyDef, type RuleDef, type SchemaDef, type SchemaState, type SequenceDef, type TableDef, type TriggerDef, type ViewDef,
  functionKey, policyKey, relationKey, ruleKey, triggerKey,
} from '../model/index.js';
import { type CatalogQuery, runCatalogQueries } from './catalog-query.js';
import { type CatalogScope, scopeParams } from './catalog-scope.js';
import { openCatalogSession } from './catalog-session.js';
import type { IntrospectOptions } from './options.js';
import { readColumns } from './read-columns.js';
import { readConstraints } from './read-constraints.js';
import { readCollations } from './read-collations.js';
import { readDomains } from './read-domains.js';
import { readCompositeTypes, readRangeTypes } from './read-types.js';
import { readOperators } from './read-operators.js';
import { readEnums } from './read-enums.js';
import { readExtensions } from './read-extensions.js';
import { readFunctions } from './read-functions.js';
import { readIndexes } from './read-indexes.js';
import { readSchemas } from './read-schemas.js';
import { readSequences } from './read-sequences.js';
import { readTables } from './read-tables.js';
import { readTriggers } from './read-triggers.js';
import { readPolicies } from './read-policies.js';
import { readViews } from './read-views.js';
import { readAggregates } from './read-aggregates.js';
import { readRules } from './read-rules.js';
import { readDefaultPrivileges } from './read-default-privileges.js';
import { defaultPrivilegeKey } from '../model/privileges.js';

/** Alembic's bookkeeping table, left out unless asked for. */
const ALEMBIC_VERSION_TABLE = 'alembic_version';

/**
 * Reads a live database into a SchemaState. One bulk query per object kind for the whole
 * database (plus one to pin the session's search_path and one to restore it), whatever the
 * number of tables; each is sent while the previous result is being lowered.
 * Extension members and the plpgsql extension are left out. `history` is always empty.
 */
export async function introspect(db: Database, opts: IntrospectOptions = {}): Promise<SchemaState> {
  const session = await openCatalogSession(db, opts.lockTimeoutMs ?? 5000);
  let state: SchemaState;
  try {
    state = await readState(db, { schemas: opts.schemas ?? null, serverVersion: session.serverVersion, ...(opts.owners ? { owners: true } : {}) }, opts);
  } catch (err) {
    // The read's error matters more than a failed restore (e.g. both due to a lost connection).
    await session.restore().catch(() => undefined);
    if (isLockTimeout(err)) throw await catalogLockError(db, session.lockTimeoutMs);
    throw err;
  }
  await session.restore();
  return state;
}

/** A catalog read that waited lock_timeout for a table another session holds: which, and by whom. */
async function catalogLockError(db: Database, lockTimeoutMs: number): Promise<UserError> {
  const holders = await describeLockHolders(db, true).catch(() => undefined);
  const waited = lockTimeoutMs >= 0 ? ` after ${lockTimeoutMs / 1000} s` : '';
  return new UserError(
    `reading the catalog timed out${waited} waiting for a lock: ${holders ? `another session holds ${holders}` : 'another session held a table ACCESS EXCLUSIVE'}; ` +
      'nothing was written. Retry when it is done (VACUUM FULL, a long ALTER TABLE, LOCK TABLE).',
  );
}

/** The bulk catalog queries, one per object kind. */
const CATALOG_QUERIES = [
  readSchemas, readExtensions, readTables, readColumns, readConstraints, readIndexes, readEnums,
  readSequences, readViews, readFunctions, readTriggers, readPolicies, readDomains, readDefaultPrivileges,
  readCompositeTypes, readRangeTypes,
  readCollations, readOperators,
  readAggregates, readRules,
] as const;

/** SQL and parameters of the bulk catalog queries (the benchmark runs them alone as its floor). */
export function catalogQueryTexts(scope: CatalogScope): { sql: string; params: unknown[] }[] {
  return CATALOG_QUERIES.map((q: Pick<CatalogQuery<never, unknown>, 'sql' | 'params'>) => ({ sql: q.sql(scope), params: (q.params ?? scopeParams)(scope) }));
}

async function readState(db: Database, scope: CatalogScope, opts: IntrospectOptions): Promise<SchemaState> {
  const [schemas, extensions, tableHeads, columns, constraints, indexes, enums, sequences, views, functions, triggers, policies, domains, defaultPrivileges,
    compositeTypes, rangeTypes, collations, operators, aggregates, rules] =
    await runCatalogQueries(db, scope, CATALOG_QUERIES);

  const includeAlembic = opts.includeAlembicVersion ?? false;
  const heads = tableHeads.filter((t) => includeAlembic || t.name !== ALEMBIC_VERSION_TABLE);
  const columnsOf = groupBy(columns, (c) => c.tableOid, (c) => c.column);
  const constraintsOf = groupBy(constraints, (c) => c.tableOid, (c) => c.constraint);

  // Child objects join their table or view by oid; those of tables left out (alembic_version,
  // extension members) fall away here.
  const tables = new Map<string, TableDef>();
  const relationOids = new Set<number>();
  for (const { oid, ...head } of heads) {
    const own = [...(constraintsOf.get(oid) ?? [])].sort(byName);
    tables.set(relationKey(head.schema, head.name), { ...head, columns: columnsOf.get(oid) ?? [], constraints: own });
    relationOids.add(oid);
  }
  // Partition bounds in the spelling replay gives them (the key's types come from the parent).
  for (const [k, t] of tables) {
    const parent = t.partitionOf && tables.get(relationKey(t.partitionOf.parent.schema, t.partitionOf.parent.name));
    if (!parent || !t.partitionOf) continue;
    const bound = canonicalPartitionBound(t.partitionOf.bound, partitionKeyTypes(parent));
    if (bound !== t.partitionOf.bound) tables.set(k, { ...t, partitionOf: { ...t.partitionOf, bound } });
  }
  const viewMap = new Map<string, ViewDef>();
  for (const { oid, view } of views) {
    viewMap.set(relationKey(view.schema, view.name), view);
    relationOids.add(oid);
  }
  const indexMap = new Map<string, IndexDef>();
  for (const { tableOid, index } of indexes) {
    if (relationOids.has(tableOid)) indexMap.set(relationKey(index.schema, index.name), index);
  }
  const triggerMap = new Map<string, TriggerDef>();
  for (const { relationOid, trigger } of triggers) {
    if (relationOids.has(relationOid)) triggerMap.set(triggerKey(trigger.schema, trigger.table, trigger.name), trigger);
  }

  const policyMap = new Map<string, PolicyDef>();
  for (const { tableOid, policy } of policies) {
    if (relationOids.has(tableOid)) policyMap.set(policyKey(policy.schema, policy.table, policy.name), policy);
  }

  const ruleMap = new Map<string, RuleDef>();
  for (const { relationOid, rule } of rules) {
    if (relationOids.has(relationOid)) ruleMap.set(ruleKey(rule.schema, rule.table, rule.name), rule);
  }

  return {
    schemas: keyed(schemas, (s: SchemaDef) => s.name),
    extensions: keyed(extensions, (e: ExtensionDef) => e.name),
    enums: keyed(enums, (e: EnumDef) => relationKey(e.schema, e.name)),
    domains: keyed(domains, (e: DomainDef) => relationKey(e.schema, e.name)),
    compositeTypes: keyed(compositeTypes, (e: CompositeTypeDef) => relationKey(e.schema, e.name)),
    rangeTypes: keyed(rangeTypes, (e: RangeTypeDef) => relationKey(e.schema, e.name)),
    collations: keyed(collations, (c: CollationDef) => relationKey(c.schema, c.name)),
    operators: keyed(operators, (o: OperatorDef) => operatorKey(o.schema, o.name, operatorArgs(o.left, o.right))),
    sequences: keyed(sequences, (s: SequenceDef) => relationKey(s.schema, s.name)),
    tables,
    indexes: indexMap,
    views: viewMap,
    functions: keyed(functions, (f: FunctionDef) => functionKey(f.schema, f.name, f.identityArgs)),
    aggregates: keyed(aggregates, (a: AggregateDef) => functionKey(a.schema, a.name, a.identityArgs)),
    triggers: triggerMap,
    policies: policyMap,
    rules: ruleMap,
    history: [],
    ...(defaultPrivileges.length ? { defaultPrivileges: keyed(defaultPrivileges, defaultPrivilegeKey) } : {}),
  };
}

function byName(a: ConstraintDef, b: ConstraintDef): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function keyed<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

function groupBy<T, V>(items: readonly T[], key: (item: T) => number, value: (item: T) => V): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const item of items) {
    const k = key(item);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(value(item));
  }
  return out;
}
