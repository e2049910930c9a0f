import type { HistoryEvent } from '../model/history.js';
import { relationKey } from '../model/schema-state.js';
import { isIndexBacked } from '../model/index-backed.js';
import type {
  AggregateDef, RuleDef,
  CollationDef, CompositeTypeDef, ConstraintDef, DomainDef, EnumDef, ExtensionDef, FunctionDef, IndexDef, OperatorDef, PolicyDef, RangeTypeDef, SchemaDef, SequenceDef, TableDef, TriggerDef, ViewDef,
} from '../model/objects.js';
import type { SchemaState } from '../model/schema-state.js';
import type { DefaultPrivilegeDef } from '../model/privileges.js';
import { RefIndexedMap } from './ref-indexed-map.js';
import { movedSchemaState, type SchemaTextRename } from '../model/move-schema.js';

/** Keys of the tables a table's FKs reference (itself included, for self-references). */
function referencedTables(t: TableDef): string[] {
  const out: string[] = [];
  for (const c of t.constraints) {
    if (c.type !== 'foreign key') continue;
    const k = relationKey(c.references.table.schema, c.references.table.name);
    if (!out.includes(k)) out.push(k);
  }
  return out;
}

/**
 * The replay's working copy of a SchemaState. Objects stay readonly values that handlers replace;
 * only the maps are mutable, so replaying thousands of statements stays linear. Also tracks the
 * two name spaces PostgreSQL checks when it picks a name: relations (tables, indexes including
 * constraint-backing ones, sequences, views) and constraints, per schema.
 */
export class Draft {
  readonly schemas = new Map<string, SchemaDef>([['public', { name: 'public' }]]);
  readonly extensions = new Map<string, ExtensionDef>();
  readonly enums = new Map<string, EnumDef>();
  readonly domains = new Map<string, DomainDef>();
  readonly compositeTypes = new Map<string, CompositeTypeDef>();
  readonly rangeTypes = new Map<string, RangeTypeDef>();
  readonly collations = new Map<string, CollationDef>();
  readonly operators = new Map<string, OperatorDef>();
  /** Indexed by the table that owns the sequence (serial, identity, OWNED BY). */
  readonly sequences = new RefIndexedMap<SequenceDef>((q) => (q.ownedBy ? [relationKey(q.schema, q.ownedBy.table)] : []));
  /** Indexed by the tables its FKs reference. */
  readonly tables = new RefIndexedMap<TableDef>(referencedTables);
  /** Indexed by the table or materialized view the index is on. */
  readonly indexes = new RefIndexedMap<IndexDef>((i) => [relationKey(i.schema, i.table)]);
  readonly views = new Map<string, ViewDef>();
  readonly functions = new Map<string, FunctionDef>();
  /** Aggregates, keyed like functions (one routine name space). */
  readonly aggregates = new Map<string, AggregateDef>();
  /** Indexed by the relation the trigger is on. */
  readonly triggers = new RefIndexedMap<TriggerDef>((t) => [relationKey(t.schema, t.table)]);
  /** Indexed by the table the policy is on. */
  readonly policies = new RefIndexedMap<PolicyDef>((p) => [relationKey(p.schema, p.table)]);
  /** Indexed by the relation the rule is on. */
  readonly rules = new RefIndexedMap<RuleDef>((r) => [relationKey(r.schema, r.table)]);
  readonly history: HistoryEvent[] = [];
  /** ALTER DEFAULT PRIVILEGES entries (defaultPrivilegeKey). */
  readonly defaultPrivileges = new Map<string, DefaultPrivilegeDef>();
  /**
   * Per partition (table key): the names its own indexes and constraints had when ATTACH PARTITION
   * made them the parent's (parent object name -> partition's name); DETACH gives them back.
   */
  readonly attachedNames = new Map<string, Map<string, string>>();
  /** Keys of the base and shell types the history creates (not modelled; `true` for a shell), for what names them later. */
  readonly baseTypes = new Map<string, boolean>();
  /** Comments on shell types, by key: a CREATE TYPE that fills the shell in keeps its pg_type row, and so the comment. */
  readonly shellComments = new Map<string, string>();
  /** Roles the history's privilege statements name (SchemaState.privilegeRoles). */
  readonly privilegeRoles = new Set<string>();
  /** Index names that back PK/UNIQUE/EXCLUDE constraints -> key of their table. */
  readonly constraintIndexes = new Map<string, string>();
  /** Per schema, how many constraints carry each name (pg_constraint is checked per namespace). */
  private readonly constraintNames = new Map<string, Map<string, number>>();

  /** Is `name` taken in the schema's relation name space (pg_class)? */
  relationExists(schema: string, name: string): boolean {
    const k = relationKey(schema, name);
    return this.tables.has(k) || this.indexes.has(k) || this.sequences.has(k) || this.views.has(k) || this.constraintIndexes.has(k);
  }

  /** Is some constraint in the schema called `name`? */
  constraintNameExists(schema: string, name: string): boolean {
    return (this.constraintNames.get(schema)?.get(name) ?? 0) > 0;
  }

  /** Registers (1) or releases (-1) a constraint name in the schema's name space (tables' and domains'). */
  trackConstraintName(schema: string, name: string, delta: 1 | -1): void {
    let names = this.constraintNames.get(schema);
    if (!names) this.constraintNames.set(schema, (names = new Map()));
    names.set(name, (names.get(name) ?? 0) + delta);
  }

  /** Registers a table's constraints (and their backing indexes) in the name spaces. */
  trackConstraints(table: TableDef, constraints: readonly ConstraintDef[], delta: 1 | -1): void {
    const tableKey = relationKey(table.schema, table.name);
    for (const c of constraints) {
      this.trackConstraintName(table.schema, c.name, delta);
      if (isIndexBacked(c)) {
        const k = relationKey(table.schema, c.name);
        if (delta > 0) this.constraintIndexes.set(k, tableKey);
        else this.constraintIndexes.delete(k);
      }
    }
  }

  /**
   * ALTER SCHEMA .. RENAME: every map rewritten by movedSchemaState (objects of the schema move,
   * references to them follow), and the name spaces tracked per schema and per table with them.
   */
  moveSchema(from: string, to: string, text: SchemaTextRename): void {
    for (const t of this.tables.values()) {
      if (t.schema !== from) continue;
      const [oldKey, newKey] = [relationKey(from, t.name), relationKey(to, t.name)];
      for (const c of t.constraints) {
        if (this.constraintIndexes.get(relationKey(from, c.name)) !== oldKey) continue;
        this.constraintIndexes.delete(relationKey(from, c.name));
        this.constraintIndexes.set(relationKey(to, c.name), newKey);
      }
      const attached = this.attachedNames.get(oldKey);
      if (attached) {
        this.attachedNames.delete(oldKey);
        this.attachedNames.set(newKey, attached);
      }
    }
    const names = this.constraintNames.get(from);
    this.constraintNames.delete(from);
    if (names) this.constraintNames.set(to, names);
    this.follow(text);
  }

  /**
   * Every map rewritten by movedSchemaState: after ALTER SCHEMA .. RENAME (everything in it moves)
   * or after ALTER .. SET SCHEMA moved one object (references to it follow).
   */
  follow(text: SchemaTextRename): void {
    const moved = movedSchemaState(this, text);
    const refill = <T>(target: Map<string, T>, source: ReadonlyMap<string, T> | undefined): void => {
      target.clear();
      for (const [k, v] of source ?? []) target.set(k, v);
    };
    refill(this.schemas, moved.schemas);
    refill(this.extensions, moved.extensions);
    refill(this.enums, moved.enums);
    refill(this.domains, moved.domains);
    refill(this.compositeTypes, moved.compositeTypes);
    refill(this.rangeTypes, moved.rangeTypes);
    refill(this.collations, moved.collations);
    refill(this.operators, moved.operators);
    refill(this.sequences, moved.sequences);
    refill(this.tables, moved.tables);
    refill(this.indexes, moved.indexes);
    refill(this.views, moved.views);
    refill(this.functions, moved.functions);
    refill(this.aggregates, moved.aggregates);
    refill(this.triggers, moved.triggers);
    refill(this.policies, moved.policies);
    refill(this.rules, moved.rules);
    refill(this.defaultPrivileges, moved.defaultPrivileges);
  }

  /** Freezes the draft into a SchemaState. */
  toState(): SchemaState {
    return {
      schemas: new Map(this.schemas),
      extensions: new Map(this.extensions),
      enums: new Map(this.enums),
      domains: new Map(this.domains),
      compositeTypes: new Map(this.compositeTypes),
      rangeTypes: new Map(this.rangeTypes),
      collations: new Map(this.collations),
      operators: new Map(this.operators),
      sequences: new Map(this.sequences),
      tables: new Map(this.tables),
      indexes: new Map(this.indexes),
      views: new Map(this.views),
      functions: new Map(this.functions),
      aggregates: new Map(this.aggregates),
      triggers: new Map(this.triggers),
      policies: new Map(this.policies),
      rules: new Map(this.rules),
      history: [...this.history],
      ...(this.defaultPrivileges.size ? { defaultPrivileges: new Map(this.defaultPrivileges) } : {}),
      ...(this.privilegeRoles.size ? { privilegeRoles: [...this.privilegeRoles].sort() } : {}),
    };
  }
}
