import type {
  CollationDef, ColumnDef, CompositeTypeDef, ConstraintDef, DomainDef, OperatorDef, RangeTypeDef, TypeAttribute, EnumDef, ExtensionDef, FunctionDef, IndexDef, ObjectKind, SchemaDef, SequenceDef, TableDef, TriggerDef,
  ViewDef,
} from '../model/objects.js';
import { functionKey, relationKey, triggerKey, type SchemaState } from '../model/schema-state.js';
import type { HistoryDrops } from './history-drops.js';
import { LiveNames } from './live-names.js';
import { pairObjects, type EarlierKey, type Pairing } from './pairing.js';
import { nameSpec, pastNames, type HistoryIndex, type PastName } from './past-names.js';

/** Every kind paired target-to-live, sub-objects per table and enum pair (keyed by the target key). */
export interface Matching {
  readonly schemas: Pairing<SchemaDef>;
  readonly extensions: Pairing<ExtensionDef>;
  readonly enums: Pairing<EnumDef>;
  readonly enumValues: ReadonlyMap<string, Pairing<string>>;
  readonly domains: Pairing<DomainDef>;
  readonly compositeTypes: Pairing<CompositeTypeDef>;
  /** Attributes of each paired composite type, by its target key (renamed through the history). */
  readonly attributes: ReadonlyMap<string, Pairing<TypeAttribute>>;
  readonly rangeTypes: Pairing<RangeTypeDef>;
  readonly collations: Pairing<CollationDef>;
  readonly operators: Pairing<OperatorDef>;
  readonly sequences: Pairing<SequenceDef>;
  readonly tables: Pairing<TableDef>;
  readonly columns: ReadonlyMap<string, Pairing<ColumnDef>>;
  readonly constraints: ReadonlyMap<string, Pairing<ConstraintDef>>;
  readonly indexes: Pairing<IndexDef>;
  readonly views: Pairing<ViewDef>;
  readonly functions: Pairing<FunctionDef>;
  readonly triggers: Pairing<TriggerDef>;
  /** Live objects under target names, for attribute comparison. */
  readonly names: LiveNames;
}

const byName = <T extends { name: string }>(xs: readonly T[]): Map<string, T> => new Map(xs.map((x) => [x.name, x]));

const earlierKeys = (names: readonly PastName[], key: (p: PastName) => string | undefined): EarlierKey[] =>
  names.flatMap((p) => {
    const k = key(p);
    return k === undefined ? [] : [{ key: k, until: p.until }];
  });

/**
 * Pairs the target's objects with the live database's, by key and through the history's
 * renames, and records the renames so live objects can be compared under target names.
 */
export function matchStates(target: SchemaState, live: SchemaState, history: HistoryIndex, drops: HistoryDrops): Matching {
  const names = new LiveNames();
  const relationNames = (kind: ObjectKind, o: { schema: string; name: string }, table?: string): EarlierKey[] =>
    earlierKeys(pastNames(history, nameSpec(kind, table), { schema: o.schema, name: o.name }), (p) => relationKey(p.ref.schema, p.ref.name));
  const droppedBefore = (kind: ObjectKind) => (_k: string, o: { schema: string; name: string }): boolean =>
    drops.find(kind, { schema: o.schema, name: o.name }) !== undefined;

  const schemas = pairObjects(target.schemas, live.schemas, () => []);
  const extensions = pairObjects(target.extensions, live.extensions, () => []);

  const enums = pairObjects(target.enums, live.enums, (_k, e) => relationNames('enum', e), droppedBefore('enum'));
  const enumValues = new Map<string, Pairing<string>>();
  for (const p of enums.pairs) {
    if (p.renamed) names.renameType(p.live, p.target);
    const t = p.target;
    const l = p.live;
    const values = pairObjects(
      new Map(t.values.map((v) => [v, v])),
      new Map(l.values.map((v) => [v, v])),
      (v) =>
        earlierKeys(pastNames(history, nameSpec('enum value'), { schema: t.schema, name: v, parent: t.name }), (n) =>
          n.ref.schema === l.schema && n.ref.parent === l.name ? n.ref.name : undefined,
        ),
    );
    for (const v of values.pairs) if (v.renamed) names.renameEnumValue(l, v.liveKey, v.key);
    enumValues.set(p.key, values);
  }

  const domains = pairObjects(target.domains, live.domains, (_k, d) => relationNames('domain', d), droppedBefore('domain'));
  for (const p of domains.pairs) if (p.renamed) names.renameType(p.live, p.target);
  const compositeTypes = pairObjects(target.compositeTypes, live.compositeTypes, (_k, c) => relationNames('composite type', c), droppedBefore('composite type'));
  const attributes = new Map<string, Pairing<TypeAttribute>>();
  for (const p of compositeTypes.pairs) {
    if (p.renamed) names.renameType(p.live, p.target);
    const t = p.target;
    const l = p.live;
    attributes.set(p.key, pairObjects(byName(t.attributes), byName(l.attributes), (name) =>
      earlierKeys(pastNames(history, nameSpec('attribute'), { schema: t.schema, name, parent: t.name }), (n) =>
        n.ref.schema === l.schema && n.ref.parent === l.name ? n.ref.name : undefined,
      )));
  }
  const rangeTypes = pairObjects(target.rangeTypes, live.rangeTypes, (_k, r) => relationNames('range type', r), droppedBefore('range type'));
  for (const p of rangeTypes.pairs) if (p.renamed) names.renameType(p.live, p.target);
  const collations = pairObjects(target.collations, live.collations, (_k, c) => relationNames('collation', c), droppedBefore('collation'));
  for (const p of collations.pairs) if (p.renamed) names.renameCollation(p.live, p.target);
  // Operators cannot be renamed: paired by key only.
  const operators = pairObjects(target.operators, live.operators, () => []);

  const sequences = pairObjects(target.sequences, live.sequences, (_k, s) => relationNames('sequence', s, s.ownedBy?.table), droppedBefore('sequence'));
  for (const p of sequences.pairs) if (p.renamed) names.renameSequence(p.live, p.target);

  const tables = pairObjects(target.tables, live.tables, (_k, t) => relationNames('table', t), droppedBefore('table'));
  const columns = new Map<string, Pairing<ColumnDef>>();
  const constraints = new Map<string, Pairing<ConstraintDef>>();
  for (const p of tables.pairs) {
    if (p.renamed) names.renameRelation(p.live, p.target);
    const t = p.target;
    const l = p.live;
    const subNames = (kind: ObjectKind) => (name: string): EarlierKey[] =>
      earlierKeys(pastNames(history, nameSpec(kind), { schema: t.schema, name, parent: t.name }), (n) =>
        n.ref.schema === l.schema && n.ref.parent === l.name ? n.ref.name : undefined,
      );
    const droppedIn = (kind: ObjectKind) => (name: string): boolean => drops.find(kind, { schema: l.schema, name, parent: l.name }) !== undefined;
    const cols = pairObjects(byName(t.columns), byName(l.columns), subNames('column'), droppedIn('column'));
    for (const c of cols.pairs) if (c.renamed) names.renameColumn(l, c.liveKey, c.key);
    columns.set(p.key, cols);
    constraints.set(p.key, pairObjects(byName(t.constraints), byName(l.constraints), subNames('constraint'), droppedIn('constraint')));
  }

  const indexes = pairObjects(target.indexes, live.indexes, (_k, i) => relationNames('index', i, i.table), droppedBefore('index'));
  const views = pairObjects(target.views, live.views, (_k, v) => relationNames('view', v), droppedBefore('view'));
  for (const p of views.pairs) if (p.renamed) names.renameRelation(p.live, p.target);

  const functions = pairObjects(
    target.functions,
    live.functions,
    (_k, f) =>
      earlierKeys(pastNames(history, nameSpec('function'), { schema: f.schema, name: f.name }), (n) =>
        functionKey(n.ref.schema, n.ref.name, f.identityArgs),
      ),
    droppedBefore('function'),
  );
  for (const p of functions.pairs) if (p.renamed) names.renameFunction(p.live, p.target);

  const triggers = pairObjects(
    target.triggers,
    live.triggers,
    (_k, g) =>
      earlierKeys(pastNames(history, nameSpec('trigger'), { schema: g.schema, name: g.name, parent: g.table }), (n) =>
        n.ref.parent === undefined ? undefined : triggerKey(n.ref.schema, n.ref.parent, n.ref.name),
      ),
    (_k, g) => drops.find('trigger', { schema: g.schema, name: g.name, parent: g.table }) !== undefined,
  );

  return { schemas, extensions, enums, enumValues, domains, compositeTypes, attributes, rangeTypes, collations, operators, sequences, tables, columns, constraints, indexes, views, functions, triggers, names };
}
