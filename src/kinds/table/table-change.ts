import type { Change, TableRef } from '../../diff/change.js';
import { concernField, originField, tableRef } from '../../diff/make-change.js';
import type { Origin } from '../../model/origin.js';
import type { CheckConstraint, QualifiedName, TableDef } from '../../model/objects.js';

/** The changes the table kind emits (its columns and constraints are kinds of their own). */
export type TableChange =
  | { readonly kind: 'createTable'; readonly table: TableDef }
  /** ALTER TABLE RESET (`reset` names) then SET (`options`, the target's, in order). */
  | { readonly kind: 'setTableOptions'; readonly table: TableRef; readonly options: readonly string[]; readonly reset: readonly string[] }
  /** ALTER TABLE SET LOGGED / SET UNLOGGED: `unlogged` is the target persistence. */
  | { readonly kind: 'setLogged'; readonly table: TableRef; readonly unlogged: boolean }
  /**
   * ALTER TABLE parent ATTACH PARTITION table FOR VALUES ...: `checks` are the parent's CHECKs the
   * table lacks, added first (PostgreSQL refuses a partition without them).
   */
  | { readonly kind: 'attachPartition'; readonly table: TableRef; readonly parent: QualifiedName; readonly bound: string; readonly checks: readonly CheckConstraint[] }
  /** ALTER TABLE parent DETACH PARTITION table (`parent` as the live database names it). */
  | { readonly kind: 'detachPartition'; readonly table: TableRef; readonly parent: QualifiedName };

/** CREATE TABLE with its columns and non-FK constraints: additive. */
export const createTable = (table: TableDef): Change => ({ kind: 'createTable', table, ...originField(table.origin) });

/** Storage options (fillfactor, autovacuum_*): they apply to future writes, nothing is rewritten. */
export const setTableOptions = (table: TableDef, live: TableDef, origin: Origin | undefined): Change => {
  const name = (o: string): string => o.slice(0, o.indexOf('='));
  return {
    kind: 'setTableOptions', table: tableRef(table), options: table.options ?? [], reset: (live.options ?? []).map(name), ...originField(origin),
  };
};

/**
 * ATTACH PARTITION: its statements say what PostgreSQL does (a scan of the table to check every
 * row fits the bound, unless a CHECK already proves it, and of the default partition, under an
 * ACCESS EXCLUSIVE lock on the table; it fails on a row that does not fit).
 */
export const attachPartition = (table: TableDef, checks: readonly CheckConstraint[], origin: Origin | undefined): Change => ({
  kind: 'attachPartition', table: tableRef(table), parent: tableRef(table.partitionOf!.parent), bound: table.partitionOf!.bound, checks, ...originField(origin),
});

/** DETACH PARTITION: catalog only, but the table's rows leave the partitioned table's queries (review). */
export const detachPartition = (table: QualifiedName, parent: QualifiedName, origin: Origin | undefined): Change => ({
  kind: 'detachPartition', table: tableRef(table), parent: tableRef(parent), ...concernField('changes behaviour'), ...originField(origin),
});

/** SET LOGGED / SET UNLOGGED (PostgreSQL rewrites the table and its indexes; its statement says so). */
export const setLogged = (table: TableDef, origin: Origin | undefined): Change => ({
  kind: 'setLogged', table: tableRef(table), unlogged: table.unlogged, ...originField(origin),
});
