import { assertNever, type Change } from '../diff/change.js';
import type { HistoryRef } from '../model/history.js';
import { quoteIdent, type QualifiedName } from '../model/names.js';
import type { ColumnDef, ObjectKind, SequenceDef } from '../model/objects.js';
import { functionKey, relationKey, type SchemaState } from '../model/schema-state.js';
import { defaultColumnSequenceName } from '../model/sql/index.js';
import { constraintDep, relationDep, type DepKey } from './dependency-keys.js';
import type { PlanOptions } from './types.js';

/** A column of a table. */
export interface ColumnRef {
  readonly table: QualifiedName;
  readonly column: string;
}

/** What the per-change SQL builders may know about the rest of the diff and the live database. */
export interface PlanContext {
  readonly live: SchemaState;
  readonly opts: PlanOptions;
  /** Constraints an `addConstraint` change adds (so CREATE TABLE leaves them out). */
  readonly addedConstraints: ReadonlySet<DepKey>;
  /** Constraints a `drop` change drops. */
  readonly droppedConstraints: ReadonlySet<DepKey>;
  /** Tables a `drop` change drops. */
  readonly droppedTables: ReadonlySet<DepKey>;
  /** Objects a `setComment` change comments (so creations do not comment them again); see commentTargetKey. */
  readonly explicitComments: ReadonlySet<string>;
  /** The identity column (created by this plan) whose implicit sequence `seq` is, if any. */
  identityColumnOf(seq: SequenceDef): ColumnRef | undefined;
  /**
   * The live name of an object the diff names after its renames (a column of a renamed table by
   * the table's new name), to find what a drop removes in the live state.
   */
  liveRef(object: ObjectKind, ref: HistoryRef): HistoryRef;
  /** The live column a change names (after renames), if the live database has it. */
  liveColumn(table: QualifiedName, column: string): ColumnDef | undefined;
  /** Whether the function is a procedure, per the diff's creations or the live database. */
  isProcedure(fn: QualifiedName, identityArgs?: string): boolean;
}

/** Key identifying what a COMMENT is on, whoever asks (setComment changes or created objects). */
export function commentTargetKey(object: ObjectKind, ref: HistoryRef, args?: string): string {
  const kind = object === 'materialized view' ? 'view' : object;
  if (kind === 'schema' || kind === 'extension') return JSON.stringify([kind, ref.name]);
  return JSON.stringify([kind, ref.schema, ref.parent ?? null, ref.name, args ?? null]);
}

/** Scans the diff once for what the builders need to know about other changes. */
export function planContext(changes: readonly Change[], live: SchemaState, opts: PlanOptions): PlanContext {
  const addedConstraints = new Set<DepKey>();
  const droppedConstraints = new Set<DepKey>();
  const droppedTables = new Set<DepKey>();
  const explicitComments = new Set<string>();
  const identityByOwner = new Map<string, ColumnRef>();
  const identityByName = new Map<string, ColumnRef>();
  const procedures = new Set<string>();
  const renamedFrom = new Map<string, HistoryRef>();
  const renameKey = (object: ObjectKind, ref: HistoryRef): string => JSON.stringify([object, ref.schema, ref.parent ?? null, ref.name]);
  const identity = (table: QualifiedName, col: ColumnDef): void => {
    if (!col.identity) return;
    const ref = { table: { schema: table.schema, name: table.name }, column: col.name };
    identityByOwner.set(`${relationKey(table.schema, table.name)}.${quoteIdent(col.name)}`, ref);
    const seqName = col.identity.sequence ?? defaultColumnSequenceName(table.name, col.name);
    identityByName.set(relationKey(table.schema, seqName), ref);
  };
  for (const c of changes) {
    switch (c.kind) {
      case 'createTable':
        for (const col of c.table.columns) identity(c.table, col);
        break;
      case 'addColumn':
        identity(c.table, c.column);
        break;
      case 'alterIdentity':
        if (!c.live.identity) identity(c.table, c.column);
        break;
      case 'addConstraint':
        addedConstraints.add(constraintDep(c.table, c.constraint.name));
        break;
      case 'createFunction':
        if (c.function.kind === 'procedure') procedures.add(functionKey(c.function.schema, c.function.name, c.function.identityArgs));
        break;
      case 'setComment':
        explicitComments.add(commentTargetKey(c.object, c.ref, c.args));
        break;
      case 'drop':
        if (c.object === 'table') droppedTables.add(relationDep(c.ref));
        if (c.object === 'constraint' && c.ref.parent !== undefined) {
          droppedConstraints.add(constraintDep({ schema: c.ref.schema, name: c.ref.parent }, c.ref.name));
        }
        break;
      case 'rename':
        renamedFrom.set(renameKey(c.object, c.to), c.from);
        break;
      case 'createSchema': case 'createExtension': case 'createEnum': case 'addEnumValue': case 'domain': case 'createRangeType': case 'compositeType': case 'createSequence':
      case 'createCollation': case 'createOperator': case 'alterOperator':
      case 'alterSequence': case 'setLogged': case 'attachPartition': case 'detachPartition': case 'setTableOptions': case 'alterColumnType': case 'setDefault': case 'setNotNull': case 'setGenerated':
      case 'validateConstraint': case 'createIndex': case 'createView': case 'createTrigger': case 'setRowSecurity': case 'createPolicy': case 'alterPolicy': case 'setPrivileges':
      case 'createAggregate': case 'createRule':
        break;
      default:
        assertNever(c, 'change');
    }
  }
  const liveRef = (object: ObjectKind, ref: HistoryRef): HistoryRef => {
    const own = renamedFrom.get(renameKey(object, ref));
    let out: HistoryRef = own ? { ...ref, name: own.name, ...(own.parent === undefined ? { schema: own.schema } : {}) } : ref;
    if (ref.parent !== undefined) {
      const container = renamedFrom.get(renameKey(object === 'enum value' ? 'enum' : 'table', { schema: ref.schema, name: ref.parent }));
      if (container) out = { ...out, schema: container.schema, parent: container.name };
    }
    return out;
  };
  for (const f of live.functions.values()) {
    if (f.kind === 'procedure') procedures.add(functionKey(f.schema, f.name, f.identityArgs));
  }
  return {
    live,
    opts,
    addedConstraints,
    droppedConstraints,
    droppedTables,
    explicitComments,
    identityColumnOf: (seq) =>
      (seq.ownedBy ? identityByOwner.get(`${relationKey(seq.schema, seq.ownedBy.table)}.${quoteIdent(seq.ownedBy.column)}`) : undefined) ??
      identityByName.get(relationKey(seq.schema, seq.name)),
    liveRef,
    liveColumn: (table, column) => {
      const ref = liveRef('column', { schema: table.schema, parent: table.name, name: column });
      return live.tables.get(relationKey(ref.schema, ref.parent ?? ''))?.columns.find((c) => c.name === ref.name);
    },
    // Under its target name or, renamed by this plan, its live one.
    isProcedure: (fn, args) =>
      [fn, liveRef('function', fn)].some((f) => {
        if (args !== undefined) return procedures.has(functionKey(f.schema, f.name, args));
        const prefix = `${relationKey(f.schema, f.name)}(`;
        return [...procedures].some((k) => k.startsWith(prefix));
      }),
  };
}
