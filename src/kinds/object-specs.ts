import type { HistoryRef } from '../model/history.js';
import { qualify, quoteIdent, type QualifiedName } from '../model/names.js';
import { relationKey, type SchemaState } from '../model/schema-state.js';
import type { ObjectKind, TableDef } from '../model/objects.js';
import type { NameSpec } from '../diff/past-names.js';
import { relationDep, schemaDep, type DepKey } from '../plan/dependency-keys.js';
import type { Deps } from '../plan/object-deps.js';
import type { DropTarget, ObjectSpec, RenameSql } from './kind-module.js';

/** The table (or type, for enum labels) a part's reference names in `parent`. */
export function parentOf(ref: HistoryRef): QualifiedName {
  return { schema: ref.schema, name: ref.parent ?? '' };
}

/** Display name of a table's part (`public.users.email`). */
export function partName(ref: HistoryRef): string {
  return `${qualify(parentOf(ref))}.${quoteIdent(ref.name)}`;
}

/** Display name of a schema-level object (`public.users`), or of a part when the reference has a parent. */
export function qualifiedName(ref: HistoryRef): string {
  return ref.parent !== undefined ? partName(ref) : qualify(ref);
}

/** Display name of a database-level object (`"app"`: schemas, extensions), or of a part when the reference has a parent. */
export function bareName(ref: HistoryRef): string {
  return ref.parent !== undefined ? partName(ref) : quoteIdent(ref.name);
}

/** Moves (SET SCHEMA, which keeps the name) and then renames a schema-level object. */
export function moveAndRename(keyword: string, from: QualifiedName, to: QualifiedName, subject: string): string[] {
  const out: string[] = [];
  if (from.schema !== to.schema) out.push(`ALTER ${keyword} ${subject} SET SCHEMA ${quoteIdent(to.schema)}`);
  // The subject in its new schema, with what follows its name (a routine's arguments).
  const moved = from.schema !== to.schema ? qualify({ schema: to.schema, name: from.name }) + subject.slice(qualify(from).length) : subject;
  if (from.name !== to.name) out.push(`ALTER ${keyword} ${moved} RENAME TO ${quoteIdent(to.name)}`);
  return out;
}

/** The rename of a relation-like object (`ALTER TABLE|VIEW|SEQUENCE|INDEX|TYPE`), guarded by a catalog lookup. */
export function relationRename(keyword: string, exists: (name: QualifiedName) => string): (from: HistoryRef, to: HistoryRef) => RenameSql {
  return (from, to) => ({ condition: `${exists(from)} AND NOT ${exists(to)}`, statements: moveAndRename(keyword, from, to, qualify(from)) });
}

/** A drop target found in a state map keyed by relationKey, with the kind's deps and drop rank. */
export function liveTarget<T>(found: T | undefined, deps: (o: T) => Deps, dropRank: number): DropTarget | undefined {
  return found === undefined ? undefined : { deps: deps(found), dropRank };
}

/** The live table a part's reference names (`parent`, live names). */
export function liveTableOf(live: SchemaState, ref: HistoryRef): TableDef | undefined {
  return ref.parent !== undefined ? live.tables.get(relationKey(ref.schema, ref.parent)) : undefined;
}

/** A drop of a schema-level object (or a table's part) needs its schema, and its table for parts. */
export function schemaAndParent(ref: HistoryRef): DepKey[] {
  return ref.parent !== undefined ? [schemaDep(ref.schema), relationDep(parentOf(ref))] : [schemaDep(ref.schema)];
}

/** A drop of a database-level object (schema, extension) needs nothing. */
export const nothing = (): readonly DepKey[] => [];

/** How the history names an object that only events of its own name space name (`kinds`: views and materialized views share one). */
export const ownNames = (...kinds: ObjectKind[]) => (): NameSpec => ({ kinds });

/** How the history names a part (`ref.parent`: its table, its type): its owner's renames and drops move or end its names. */
export const partNames = (kind: ObjectKind, parent: ObjectKind) => (): NameSpec => ({ kinds: [kind], parentKinds: [parent] });

/** How the history names an object that follows its table's SET SCHEMA without naming the table (indexes, owned sequences). */
export const tableFollowerNames = (kind: ObjectKind) => (table?: string): NameSpec => (table !== undefined ? { kinds: [kind], table } : { kinds: [kind] });

/** The dependency key of a part, from its parent's name and its own. */
export const partDep = (key: (parent: QualifiedName, name: string) => DepKey) => (ref: HistoryRef): DepKey => key(parentOf(ref), ref.name);

/** What differs between the object specs of relation-like kinds (tables, views, sequences, indexes, types). */
export interface RelationObject<T> {
  /** The keyword of its ALTER and DROP statements (`TABLE`, `MATERIALIZED VIEW`, `TYPE`). */
  readonly keyword: string;
  /** Catalog lookup of the name (pg_class, or pg_type for types). */
  readonly exists: (name: QualifiedName) => string;
  /** Its map in a SchemaState (relationKey-keyed). */
  readonly map: (s: SchemaState) => ReadonlyMap<string, T>;
  readonly deps: (o: T) => Deps;
  readonly dropRank: number;
  readonly renamedAsPart: boolean;
  /** How the history names it (ownNames, tableFollowerNames). */
  readonly names: (table?: string) => NameSpec;
  /** Its dependency key: relationDep (the default: pg_class) or typeDep (pg_type). */
  readonly dep?: (ref: HistoryRef) => DepKey;
}

/** The object spec of a relation-like kind: `DROP <keyword> IF EXISTS`, `ALTER <keyword> .. SET SCHEMA / RENAME TO`. */
export function relationObject<T>(r: RelationObject<T>): ObjectSpec {
  return {
    displayName: qualifiedName,
    dropRank: r.dropRank,
    dropTarget: (_c, live, ref) => liveTarget(r.map(live).get(relationKey(ref.schema, ref.name)), r.deps, r.dropRank),
    dropSql: (c) => `DROP ${r.keyword} IF EXISTS ${qualify(c.ref)}`,
    renameSql: relationRename(r.keyword, r.exists),
    renamedAsPart: r.renamedAsPart,
    mentionable: true,
    dropRequires: schemaAndParent,
    names: r.names,
    dep: r.dep ?? relationDep,
  };
}

/** What differs between the object specs of objects named per table (triggers, policies). */
export interface TablePartObject<T> {
  /** Its ObjectKind (history events name it by this). */
  readonly kind: ObjectKind;
  /** The keyword of `DROP <keyword> name ON table` and `ALTER <keyword> name ON table RENAME TO`. */
  readonly keyword: string;
  /** Catalog lookup of the name on a table. */
  readonly exists: (table: QualifiedName, name: string) => string;
  /** The live object a reference names (`parent`: its table). */
  readonly find: (live: SchemaState, ref: HistoryRef) => T | undefined;
  readonly deps: (o: T) => Deps;
  readonly dropRank: number;
  /** Its dependency key, from its table and name. */
  readonly dep: (table: QualifiedName, name: string) => DepKey;
  /** A history drop of a table of its table's name dropped it too (see ObjectSpec.droppedWithParent). */
  readonly droppedWithParent: boolean;
  /** The event kinds that name its table (default `table`; rules are on views too). */
  readonly parentKinds?: readonly ObjectKind[];
}

/** The object spec of an object named per table: `DROP <keyword> IF EXISTS name ON table`, renamed after its table. */
export function tablePartObject<T>(p: TablePartObject<T>): ObjectSpec {
  return {
    displayName: qualifiedName,
    dropRank: p.dropRank,
    dropTarget: (_c, live, ref) => liveTarget(p.find(live, ref), p.deps, p.dropRank),
    dropSql: (c) => `DROP ${p.keyword} IF EXISTS ${quoteIdent(c.ref.name)} ON ${qualify(parentOf(c.ref))}`,
    renameSql: (from, to) => {
      const t = parentOf(from);
      return {
        condition: `${p.exists(t, from.name)} AND NOT ${p.exists(t, to.name)}`,
        statements: [`ALTER ${p.keyword} ${quoteIdent(from.name)} ON ${qualify(t)} RENAME TO ${quoteIdent(to.name)}`],
      };
    },
    renamedAsPart: true,
    mentionable: false,
    dropRequires: schemaAndParent,
    names: p.parentKinds ? () => ({ kinds: [p.kind], parentKinds: p.parentKinds! }) : partNames(p.kind, 'table'),
    dep: partDep(p.dep),
    parent: 'table',
    droppedWithParent: p.droppedWithParent,
  };
}

/** The routines of a name in a state map (overloads: functions or aggregates). */
export function overloadsOf<T extends QualifiedName>(routines: ReadonlyMap<string, T>, name: QualifiedName): T[] {
  return [...routines.values()].filter((f) => f.schema === name.schema && f.name === name.name);
}
