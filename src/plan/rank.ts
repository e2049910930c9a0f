/**
 * Tie-break order of actions the dependency graph leaves free (lower runs first): renames (the
 * diff names things after its renames, so a table is renamed before its columns, indexes and
 * owned sequences, which follow a SET SCHEMA), drops
 * that make room for a re-creation, then creation from the outside in, and drops of what the
 * history dropped last, dependents before what they depend on. Column alterations are spaced so
 * that a default is dropped before a type change or ADD IDENTITY and set again after them.
 */
export const RANK = {
  rename: 0,
  renamePart: 10,
  replaceDrop: 100,
  schema: 200,
  extension: 210,
  /** Before the domains, columns and indexes that use it. */
  collation: 215,
  enum: 220,
  enumValue: 230,
  /** A domain check dropped (to be added again, or loosened), then domains created, then altered. */
  domainDropCheck: 231,
  domain: 232,
  /** Range and composite types (dependencies order them among domains), then attribute changes. */
  rangeType: 233,
  compositeType: 234,
  domainAlter: 236,
  compositeAlter: 237,
  sequence: 240,
  functionEarly: 250,
  /** DETACH PARTITION: before anything is created on the table it detaches or on a new parent. */
  detachPartition: 295,
  table: 300,
  /** The history's seed rows for a table the plan creates, right after it. */
  seed: 305,
  addColumn: 310,
  dropDefault: 320,
  alterColumnType: 330,
  setNotNull: 340,
  identity: 350,
  generated: 360,
  setDefault: 370,
  dropNotNull: 380,
  constraint: 400,
  foreignKey: 410,
  functionSql: 420,
  /** After its functions, before the indexes and views that use it (checks wait for it through their mentions). */
  operator: 425,
  /** ALTER OPERATOR .. SET (RESTRICT, JOIN). */
  operatorAlter: 426,
  /** After the functions they are built from, before views that call them. */
  aggregate: 425,
  index: 430,
  /** ATTACH PARTITION: after the parent, its keys and indexes, and the table's columns are in place. */
  attachPartition: 435,
  view: 440,
  trigger: 450,
  rule: 455,
  sequenceOwner: 460,
  comment: 470,
  /** GRANT / REVOKE, once the objects exist (and after table-level revokes, column grants: see diff-privileges.ts). */
  privileges: 475,
  validate: 480,
  historyDrop: 1000,
} as const;

/**
 * Drop order within a drop phase (added to its base rank), dependents first: triggers, views,
 * foreign keys, other constraints, indexes, columns, tables, functions, sequences, types,
 * extensions, schemas.
 */
export const DROP_RANK = {
  trigger: 0,
  rule: 2,
  policy: 5,
  view: 10,
  foreignKey: 20,
  constraint: 30,
  index: 40,
  column: 50,
  table: 60,
  /** After the views, constraints and indexes that use it, before its functions. */
  operator: 65,
  /** Before the functions they are built from. */
  aggregate: 65,
  function: 70,
  sequence: 80,
  /** After functions (a function may take the domain), before the enums and types it is based on. */
  domain: 85,
  /** Like domains: after the functions that take them, before the types they are built on. */
  compositeType: 85,
  rangeType: 85,
  /** After the columns, domains and indexes that use it. */
  collation: 88,
  enum: 90,
  extension: 95,
  schema: 99,
} as const;
