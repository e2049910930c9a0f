import type { HistoryEvent } from './history.js';
import { qualify, qualifyOperator, quoteIdent } from './names.js';
import type {
  CompositeTypeDef,
  CollationDef,
  AggregateDef,
  DomainDef,
  EnumDef,
  ExtensionDef,
  FunctionDef,
  IndexDef,
  OperatorDef,
  PolicyDef,
  RangeTypeDef,
  RuleDef,
  SchemaDef,
  SequenceDef,
  TableDef,
  TriggerDef,
  ViewDef,
} from './objects.js';
import type { DefaultPrivilegeDef } from './privileges.js';

/**
 * A whole database schema as plain readonly data: what replay builds from migrations and what
 * introspection reads from a live catalog. Maps are keyed by the helpers below (quoted,
 * schema-qualified names), so both sides key the same object the same way.
 */
export interface SchemaState {
  readonly schemas: ReadonlyMap<string, SchemaDef>;
  readonly extensions: ReadonlyMap<string, ExtensionDef>;
  readonly enums: ReadonlyMap<string, EnumDef>;
  readonly domains: ReadonlyMap<string, DomainDef>;
  /** Stand-alone composite types (not table row types), keyed by relationKey. */
  readonly compositeTypes: ReadonlyMap<string, CompositeTypeDef>;
  /** Range types, keyed by relationKey. */
  readonly rangeTypes: ReadonlyMap<string, RangeTypeDef>;
  /** Collations in user schemas, keyed by relationKey. */
  readonly collations: ReadonlyMap<string, CollationDef>;
  /** Operators, keyed by {@link operatorKey}. */
  readonly operators: ReadonlyMap<string, OperatorDef>;
  readonly sequences: ReadonlyMap<string, SequenceDef>;
  readonly tables: ReadonlyMap<string, TableDef>;
  readonly indexes: ReadonlyMap<string, IndexDef>;
  readonly views: ReadonlyMap<string, ViewDef>;
  readonly functions: ReadonlyMap<string, FunctionDef>;
  /** Aggregates, keyed by {@link functionKey} (they share the routine name space). */
  readonly aggregates: ReadonlyMap<string, AggregateDef>;
  readonly triggers: ReadonlyMap<string, TriggerDef>;
  /** Row-level security policies, keyed by {@link policyKey}. */
  readonly policies: ReadonlyMap<string, PolicyDef>;
  /** Rewrite rules, keyed by {@link ruleKey}. */
  readonly rules: ReadonlyMap<string, RuleDef>;
  /** Renames and drops the migrations performed, in order (empty for an introspected state). */
  readonly history: readonly HistoryEvent[];
  /** ALTER DEFAULT PRIVILEGES entries, keyed by defaultPrivilegeKey; absent = none. */
  readonly defaultPrivileges?: ReadonlyMap<string, DefaultPrivilegeDef>;
  /**
   * Grantees (and FOR ROLE roles) the history's GRANT / REVOKE / ALTER DEFAULT PRIVILEGES name,
   * `PUBLIC` included when named: the roles whose privileges are managed. Absent = none.
   */
  readonly privilegeRoles?: readonly string[];
}

/** Map key of a schema-qualified object (table, index, enum, sequence, view). */
export function relationKey(schema: string, name: string): string {
  return qualify({ schema, name });
}

/** Functions are identified by name and argument types, as PostgreSQL overloads them. */
export function functionKey(schema: string, name: string, identityArgs: string): string {
  return `${qualify({ schema, name })}(${identityArgs})`;
}

/** An operator's identity operands as DROP OPERATOR names them (`integer, integer`; `NONE, text` for a prefix operator). */
export function operatorArgs(left: string | undefined, right: string | undefined): string {
  return `${left ?? 'NONE'}, ${right ?? 'NONE'}`;
}

/** Operators are identified by schema, symbol and operand types (see {@link operatorArgs}). */
export function operatorKey(schema: string, name: string, args: string): string {
  return `${qualifyOperator({ schema, name })}(${args})`;
}

/** Trigger names are unique per table, not per schema. */
export function triggerKey(schema: string, table: string, name: string): string {
  return `${qualify({ schema, name: table })}.${quoteIdent(name)}`;
}

/** Policy names are unique per table, as trigger names are. */
export function policyKey(schema: string, table: string, name: string): string {
  return triggerKey(schema, table, name);
}

/** Rule names are unique per table, as trigger names are. */
export function ruleKey(schema: string, table: string, name: string): string {
  return triggerKey(schema, table, name);
}

/** An empty state: what a fresh database has besides the `public` schema. */
export function emptyState(): SchemaState {
  return {
    schemas: new Map([['public', { name: 'public' }]]),
    extensions: new Map(),
    enums: new Map(),
    domains: new Map(),
    compositeTypes: new Map(),
    rangeTypes: new Map(),
    collations: new Map(),
    operators: new Map(),
    sequences: new Map(),
    tables: new Map(),
    indexes: new Map(),
    views: new Map(),
    functions: new Map(),
    aggregates: new Map(),
    triggers: new Map(),
    policies: new Map(),
    rules: new Map(),
    history: [],
  };
}
