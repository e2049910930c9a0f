import type { Change, Concern, DiffResult, Safety } from '../../src/diff/change.js';
import type {
  CheckConstraint, ColumnDef, ForeignKeyConstraint, FunctionDef, IndexDef, PrimaryKeyConstraint, SequenceDef, TableDef, TriggerDef,
  UniqueConstraint, ViewDef,
} from '../../src/model/objects.js';
import type { QualifiedName } from '../../src/model/names.js';
import { emptyState, type SchemaState } from '../../src/model/schema-state.js';
import type { Plan } from '../../src/plan/types.js';

/** Hand-built changes, without the fields every change may carry. */
type ChangeBody = Change extends infer C ? (C extends Change ? Omit<C, 'concern' | 'origin'> : never) : never;

/** The concern that gives a change at least this safety class whatever its statements do (see derive-hazards.ts). */
const CONCERN: Record<Safety, Concern | undefined> = { safe: undefined, review: 'changes behaviour', destructive: 'removes an object' };

/** A change whose class is at least `safety` (default: what its statements say). */
export function ch(body: ChangeBody, safety: Safety = 'safe'): Change {
  const concern = CONCERN[safety];
  return { ...(concern ? { concern } : {}), ...body } as Change;
}

/** A diff of the given changes. */
export function diffOf(...changes: Change[]): DiffResult {
  return { changes, unmanaged: [], drift: [] };
}

/** An empty live database. */
export function empty(): SchemaState {
  return emptyState();
}

export function col(name: string, type: string, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { name, type, notNull: false, ...extra };
}

export function table(schema: string, name: string, columns: ColumnDef[], constraints: TableDef['constraints'] = []): TableDef {
  return { schema, name, unlogged: false, columns, constraints };
}

export function pk(name: string, columns: string[]): PrimaryKeyConstraint {
  return { type: 'primary key', name, columns, include: [], deferrable: false, initiallyDeferred: false };
}

export function unique(name: string, columns: string[]): UniqueConstraint {
  return { type: 'unique', name, columns, include: [], nullsNotDistinct: false, deferrable: false, initiallyDeferred: false };
}

export function fk(name: string, columns: string[], ref: QualifiedName, refColumns: string[], validated = true): ForeignKeyConstraint {
  return {
    type: 'foreign key', name, columns, validated, deferrable: false, initiallyDeferred: false,
    references: { table: ref, columns: refColumns, onDelete: 'no action', onUpdate: 'no action', match: 'simple' },
  };
}

export function check(name: string, expression: string, validated = true): CheckConstraint {
  return { type: 'check', name, expression, validated, noInherit: false, deferrable: false, initiallyDeferred: false };
}

export function index(schema: string, name: string, tableName: string, columns: string[], extra: Partial<IndexDef> = {}): IndexDef {
  return {
    schema, name, table: tableName, unique: false, method: 'btree', include: [], nullsNotDistinct: false,
    keys: columns.map((column) => ({ column, descending: false, nullsFirst: false })), ...extra,
  };
}

export function view(schema: string, name: string, query: string, extra: Partial<ViewDef> = {}): ViewDef {
  return { schema, name, materialized: false, query, definition: query, ...extra };
}

export function fn(schema: string, name: string, language: string, body: string, extra: Partial<FunctionDef> = {}): FunctionDef {
  return {
    schema, name, identityArgs: '', args: '', kind: 'function', returns: 'trigger', language, body, volatility: 'volatile',
    strict: false, securityDefiner: false, ...extra,
  };
}

export function trigger(schema: string, tableName: string, name: string, func: QualifiedName, extra: Partial<TriggerDef> = {}): TriggerDef {
  return {
    schema, table: tableName, name, timing: 'before', events: ['update'], updateColumns: [], forEachRow: true, function: func, args: [],
    constraint: false, deferrable: false, initiallyDeferred: false, ...extra,
  };
}

export function sequence(schema: string, name: string, extra: Partial<SequenceDef> = {}): SequenceDef {
  return { schema, name, dataType: 'integer', start: '1', increment: '1', min: '1', max: '2147483647', cache: '1', cycle: false, ...extra };
}

/** Step descriptions in order. */
export function descriptions(p: Plan): string[] {
  return p.steps.map((s) => s.description);
}

/** The statement inside a guarded `DO` block (or the SQL itself when unguarded). */
export function guarded(sql: string): string {
  const m = /^DO (\$[^$]*\$) BEGIN IF .* THEN (.*); END IF; END \1$/s.exec(sql);
  return m ? m[2]! : sql;
}
