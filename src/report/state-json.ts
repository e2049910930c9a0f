import type { HistoryEvent, HistoryRef } from '../model/history.js';
import type {
  CollationDef,
  OperatorDef,
  AggregateDef,
  ColumnDef,
  CompositeTypeDef,
  ConstraintDef,
  DomainDef,
  EnumDef,
  ExtensionDef,
  ForeignKeyRef,
  FunctionDef,
  IndexDef,
  IndexKey,
  QualifiedName,
  SchemaDef,
  SequenceDef,
  TableDef,
  TriggerDef,
  PolicyDef,
  RangeTypeDef,
  RuleDef,
  ViewDef,
} from '../model/objects.js';
import type { Origin } from '../model/origin.js';
import type { DefaultPrivilegeDef, Grant } from '../model/privileges.js';
import type { SchemaState } from '../model/schema-state.js';
import type { IndexBackedConstraint } from '../model/index-backed.js';
import { compareText, valuesByKey } from './sort-order.js';

/** Version of the JSON format below; bumped on any incompatible change. */
export const STATE_JSON_VERSION = 1;

/**
 * The public JSON form of a schema state (`schema-sync state --format json`):
 *
 * ```
 * { "version": 1,
 *   "schemas": SchemaDef[], "extensions": ExtensionDef[], "enums": EnumDef[],
 *   "domains": DomainDef[], "compositeTypes": CompositeTypeDef[], "rangeTypes": RangeTypeDef[], "collations": CollationDef[], "operators": OperatorDef[], "sequences": SequenceDef[], "tables": TableDef[], "indexes": IndexDef[],
 *   "views": ViewDef[], "functions": FunctionDef[], "aggregates": AggregateDef[], "triggers": TriggerDef[], "policies": PolicyDef[], "rules": RuleDef[],
 *   "defaultPrivileges"?: DefaultPrivilegeDef[], "history": HistoryEvent[] }
 * ```
 *
 * Each element is the model object of `src/model/objects.ts` as plain data, keys in the order the
 * interfaces declare them, optional fields absent (never `null`) when unset. Arrays of objects are
 * sorted by their state key (quoted `schema.name`, functions with `(argtypes)`, triggers by table
 * then name); a table's `constraints` are sorted by name. Order-carrying lists keep their order:
 * columns, enum values, index keys, trigger events and arguments, and `history` (chronological).
 * `origin` (`{revision, file, line}`) appears on objects and history events only with `withOrigin`.
 */
export interface StateJson {
  readonly version: typeof STATE_JSON_VERSION;
  readonly schemas: readonly SchemaDef[];
  readonly extensions: readonly ExtensionDef[];
  readonly enums: readonly EnumDef[];
  readonly domains: readonly DomainDef[];
  readonly compositeTypes: readonly CompositeTypeDef[];
  readonly rangeTypes: readonly RangeTypeDef[];
  readonly collations: readonly CollationDef[];
  readonly operators: readonly OperatorDef[];
  readonly sequences: readonly SequenceDef[];
  readonly tables: readonly TableDef[];
  readonly indexes: readonly IndexDef[];
  readonly views: readonly ViewDef[];
  readonly functions: readonly FunctionDef[];
  readonly aggregates: readonly AggregateDef[];
  readonly triggers: readonly TriggerDef[];
  readonly policies: readonly PolicyDef[];
  readonly rules: readonly RuleDef[];
  /** ALTER DEFAULT PRIVILEGES entries, by role, schema and objects; absent when there are none. */
  readonly defaultPrivileges?: readonly DefaultPrivilegeDef[];
  readonly history: readonly HistoryEvent[];
}

/** Options of {@link stateToJson}. */
export interface StateJsonOptions {
  /** Include where each object was last defined; off, equal schemas give identical JSON. */
  readonly withOrigin: boolean;
}

type Fields = readonly (readonly [string, unknown])[];

/** A fresh object with exactly these keys in this order, dropping undefined values. */
function obj<T>(fields: Fields): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of fields) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Converts a state to plain JSON-able data in the documented, deterministic shape. */
export function stateToJson(state: SchemaState, opts: StateJsonOptions): StateJson {
  const origin = (o: Origin | undefined): Origin | undefined =>
    opts.withOrigin && o ? obj<Origin>([['revision', o.revision], ['file', o.file], ['line', o.line]]) : undefined;
  const qn = (q: QualifiedName): QualifiedName => obj([['schema', q.schema], ['name', q.name]]);
  const grantList = (gs: readonly Grant[] | undefined): Grant[] | undefined =>
    gs?.map((g) => obj<Grant>([['grantee', g.grantee], ['privilege', g.privilege], ['grantable', g.grantable]]));
  // Grants (absent: PostgreSQL's default) and owner (absent: not set by the history / not read).
  const acl = (o: { readonly grants?: readonly Grant[]; readonly owner?: string }): Fields => [['grants', grantList(o.grants)], ['owner', o.owner]];
  const key = (k: IndexKey): IndexKey =>
    obj([
      ['column', k.column], ['expression', k.expression], ['collation', k.collation], ['opclass', k.opclass],
      ['descending', k.descending], ['nullsFirst', k.nullsFirst], ['operator', k.operator],
    ]);
  const ref = (r: ForeignKeyRef): ForeignKeyRef =>
    obj([['table', qn(r.table)], ['columns', [...r.columns]], ['onDelete', r.onDelete], ['onUpdate', r.onUpdate], ['match', r.match]]);
  const column = (c: ColumnDef): ColumnDef =>
    obj([
      ['name', c.name], ['type', c.type], ['notNull', c.notNull], ['default', c.default],
      ['identity', c.identity ? obj([['always', c.identity.always], ['sequence', c.identity.sequence]]) : undefined],
      ['generated', c.generated], ['collation', c.collation], ['comment', c.comment], ['grants', grantList(c.grants)], ['origin', origin(c.origin)],
    ]);
  const index = (c: IndexBackedConstraint): Fields => [['options', c.options ? [...c.options] : undefined], ['indexComment', c.indexComment]];
  const constraint = (c: ConstraintDef): ConstraintDef => {
    const head: Fields = [['name', c.name], ['type', c.type]];
    const tail: Fields = [
      ['deferrable', c.deferrable], ['initiallyDeferred', c.initiallyDeferred], ['comment', c.comment], ['origin', origin(c.origin)],
    ];
    switch (c.type) {
      case 'primary key':
        return obj([...head, ['columns', [...c.columns]], ['include', [...c.include]], ...index(c), ...tail]);
      case 'unique':
        return obj([...head, ['columns', [...c.columns]], ['include', [...c.include]], ['nullsNotDistinct', c.nullsNotDistinct], ...index(c), ...tail]);
      case 'foreign key':
        return obj([...head, ['columns', [...c.columns]], ['references', ref(c.references)], ['validated', c.validated], ...tail]);
      case 'check':
        return obj([...head, ['expression', c.expression], ['validated', c.validated], ['noInherit', c.noInherit], ...tail]);
      case 'exclude':
        return obj([...head, ['method', c.method], ['keys', c.keys.map(key)], ['include', [...c.include]], ['where', c.where], ...index(c), ...tail]);
    }
  };
  const historyRef = (r: HistoryRef): HistoryRef => obj([['schema', r.schema], ['name', r.name], ['parent', r.parent]]);
  const event = (e: HistoryEvent): HistoryEvent => {
    switch (e.event) {
      case 'rename':
        return obj([['event', e.event], ['object', e.object], ['from', historyRef(e.from)], ['to', historyRef(e.to)], ['origin', origin(e.origin)]]);
      case 'drop':
        return obj([['event', e.event], ['object', e.object], ['ref', historyRef(e.ref)], ['origin', origin(e.origin)]]);
      case 'add value':
        return obj([['event', e.event], ['object', e.object], ['ref', historyRef(e.ref)], ['origin', origin(e.origin)]]);
      case 'retype':
        return obj([
          ['event', e.event], ['object', e.object], ['ref', historyRef(e.ref)], ['from', e.from], ['to', e.to], ['using', e.using], ['origin', origin(e.origin)],
        ]);
    }
  };

  return {
    version: STATE_JSON_VERSION,
    schemas: valuesByKey(state.schemas).map((s) => obj([['name', s.name], ['comment', s.comment], ...acl(s), ['origin', origin(s.origin)]])),
    extensions: valuesByKey(state.extensions).map((e) =>
      obj([['name', e.name], ['schema', e.schema], ['comment', e.comment], ['origin', origin(e.origin)]]),
    ),
    enums: valuesByKey(state.enums).map((e) =>
      obj([['schema', e.schema], ['name', e.name], ['values', [...e.values]], ['comment', e.comment], ...acl(e), ['origin', origin(e.origin)]]),
    ),
    domains: valuesByKey(state.domains).map((d) =>
      obj([
        ['schema', d.schema], ['name', d.name], ['baseType', d.baseType], ['collation', d.collation], ['default', d.default],
        ['notNull', d.notNull],
        ['checks', d.checks.map((c) => obj([['name', c.name], ['expression', c.expression], ['validated', c.validated], ['comment', c.comment]]))],
        ['comment', d.comment], ...acl(d), ['origin', origin(d.origin)],
      ]),
    ),
    compositeTypes: valuesByKey(state.compositeTypes).map((c) =>
      obj([
        ['schema', c.schema], ['name', c.name],
        ['attributes', c.attributes.map((a) => obj([['name', a.name], ['type', a.type], ['collation', a.collation], ['comment', a.comment]]))],
        ['comment', c.comment], ...acl(c), ['origin', origin(c.origin)],
      ]),
    ),
    rangeTypes: valuesByKey(state.rangeTypes).map((r) =>
      obj([
        ['schema', r.schema], ['name', r.name], ['subtype', r.subtype], ['subtypeOpclass', r.subtypeOpclass], ['collation', r.collation],
        ['canonical', r.canonical], ['subtypeDiff', r.subtypeDiff], ['multirange', qn(r.multirange)],
        ['comment', r.comment], ...acl(r), ['multirangeGrants', grantList(r.multirangeGrants)], ['multirangeOwner', r.multirangeOwner], ['origin', origin(r.origin)],
      ]),
    ),
    collations: valuesByKey(state.collations).map((c) =>
      obj([
        ['schema', c.schema], ['name', c.name], ['provider', c.provider], ['lcCollate', c.lcCollate], ['lcCtype', c.lcCtype],
        ['locale', c.locale], ['deterministic', c.deterministic], ['comment', c.comment], ['owner', c.owner], ['origin', origin(c.origin)],
      ]),
    ),
    operators: valuesByKey(state.operators).map((o) =>
      obj([
        ['schema', o.schema], ['name', o.name], ['left', o.left], ['right', o.right], ['function', o.function],
        ['commutator', o.commutator], ['negator', o.negator], ['restrict', o.restrict], ['join', o.join],
        ['hashes', o.hashes], ['merges', o.merges], ['comment', o.comment], ['owner', o.owner], ['origin', origin(o.origin)],
      ]),
    ),
    sequences: valuesByKey(state.sequences).map((s) =>
      obj([
        ['schema', s.schema], ['name', s.name], ['dataType', s.dataType], ['start', s.start], ['increment', s.increment],
        ['min', s.min], ['max', s.max], ['cache', s.cache], ['cycle', s.cycle],
        ['ownedBy', s.ownedBy ? obj([['table', s.ownedBy.table], ['column', s.ownedBy.column]]) : undefined],
        ['comment', s.comment], ...acl(s), ['origin', origin(s.origin)],
      ]),
    ),
    tables: valuesByKey(state.tables).map((t) =>
      obj([
        ['schema', t.schema], ['name', t.name], ['unlogged', t.unlogged], ['partitionBy', t.partitionBy], ['options', t.options ? [...t.options] : undefined],
        ['partitionOf', t.partitionOf ? obj([['parent', qn(t.partitionOf.parent)], ['bound', t.partitionOf.bound]]) : undefined],
        ['columns', t.columns.map(column)],
        ['constraints', [...t.constraints].sort((a, b) => compareText(a.name, b.name)).map(constraint)],
        ['rowSecurity', t.rowSecurity], ['forceRowSecurity', t.forceRowSecurity],
        ['comment', t.comment], ...acl(t), ['rowTypeGrants', grantList(t.rowTypeGrants)], ['origin', origin(t.origin)],
      ]),
    ),
    indexes: valuesByKey(state.indexes).map((i) =>
      obj([
        ['schema', i.schema], ['name', i.name], ['table', i.table], ['unique', i.unique], ['method', i.method],
        ['keys', i.keys.map(key)], ['include', [...i.include]], ['where', i.where], ['nullsNotDistinct', i.nullsNotDistinct],
        ['options', i.options ? [...i.options] : undefined], ['comment', i.comment], ['origin', origin(i.origin)],
      ]),
    ),
    views: valuesByKey(state.views).map((v) =>
      obj([
        ['schema', v.schema], ['name', v.name], ['materialized', v.materialized], ['query', v.query], ['definition', v.definition],
        ['columns', v.columns ? [...v.columns] : undefined], ['options', v.options ? [...v.options] : undefined],
        ['columnDetails', v.columnDetails?.map((d) => obj([['name', d.name], ['default', d.default], ['comment', d.comment]]))],
        ['comment', v.comment], ...acl(v), ['rowTypeGrants', grantList(v.rowTypeGrants)],
        ['columnGrants', v.columnGrants?.map((c) => obj([['name', c.name], ['grants', grantList(c.grants)]]))], ['origin', origin(v.origin)],
      ]),
    ),
    functions: valuesByKey(state.functions).map((f) =>
      obj([
        ['schema', f.schema], ['name', f.name], ['identityArgs', f.identityArgs], ['args', f.args], ['kind', f.kind],
        ['returns', f.returns], ['language', f.language], ['body', f.body], ['volatility', f.volatility],
        ['strict', f.strict], ['securityDefiner', f.securityDefiner], ['leakproof', f.leakproof], ['parallel', f.parallel],
        ['cost', f.cost], ['rows', f.rows], ['config', f.config ? [...f.config] : undefined], ['sqlBody', f.sqlBody], ['comment', f.comment], ...acl(f), ['origin', origin(f.origin)],
      ]),
    ),
    aggregates: valuesByKey(state.aggregates).map((a) =>
      obj([
        ['schema', a.schema], ['name', a.name], ['identityArgs', a.identityArgs], ['args', a.args], ['aggKind', a.aggKind],
        ['sfunc', a.sfunc], ['stype', a.stype], ['sspace', a.sspace], ['finalfunc', a.finalfunc], ['finalfuncExtra', a.finalfuncExtra],
        ['finalfuncModify', a.finalfuncModify], ['combinefunc', a.combinefunc], ['serialfunc', a.serialfunc], ['deserialfunc', a.deserialfunc],
        ['initcond', a.initcond], ['msfunc', a.msfunc], ['minvfunc', a.minvfunc], ['mstype', a.mstype], ['msspace', a.msspace],
        ['mfinalfunc', a.mfinalfunc], ['mfinalfuncExtra', a.mfinalfuncExtra], ['mfinalfuncModify', a.mfinalfuncModify], ['minitcond', a.minitcond],
        ['sortop', a.sortop], ['parallel', a.parallel], ['comment', a.comment], ...acl(a), ['origin', origin(a.origin)],
      ]),
    ),
    triggers: valuesByKey(state.triggers).map((t) =>
      obj([
        ['schema', t.schema], ['table', t.table], ['name', t.name], ['timing', t.timing], ['events', [...t.events]],
        ['updateColumns', [...t.updateColumns]], ['forEachRow', t.forEachRow], ['when', t.when],
        ['function', qn(t.function)], ['args', [...t.args]], ['constraint', t.constraint], ['deferrable', t.deferrable],
        ['initiallyDeferred', t.initiallyDeferred], ['oldTable', t.oldTable], ['newTable', t.newTable], ['enabled', t.enabled], ['comment', t.comment], ['origin', origin(t.origin)],
      ]),
    ),
    policies: valuesByKey(state.policies).map((p) =>
      obj([
        ['schema', p.schema], ['table', p.table], ['name', p.name], ['permissive', p.permissive], ['command', p.command],
        ['roles', [...p.roles]], ['using', p.using], ['withCheck', p.withCheck], ['comment', p.comment], ['origin', origin(p.origin)],
      ]),
    ),
    rules: valuesByKey(state.rules).map((r) =>
      obj([
        ['schema', r.schema], ['table', r.table], ['name', r.name], ['event', r.event], ['instead', r.instead],
        ['where', r.where], ['actions', r.actions], ['enabled', r.enabled], ['comment', r.comment], ['origin', origin(r.origin)],
      ]),
    ),
    ...(state.defaultPrivileges?.size
      ? {
          defaultPrivileges: [...state.defaultPrivileges.entries()].sort(([a], [b]) => compareText(a, b)).map(([, d]) =>
            obj<DefaultPrivilegeDef>([['role', d.role], ['schema', d.schema], ['objects', d.objects], ['grants', grantList(d.grants)]])),
        }
      : {}),
    history: state.history.map(event),
  };
}

/** {@link stateToJson} as stable text: 2-space indent and a trailing newline. */
export function renderStateJson(state: SchemaState, opts: StateJsonOptions): string {
  return `${JSON.stringify(stateToJson(state, opts), null, 2)}\n`;
}
