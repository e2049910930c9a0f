/**
 * Tie-break order of actions the dependency graph leaves free (lower runs first): renames (the
 * diff names things after its renames, so a table is renamed before its columns, indexes and
 * owned sequences, which follow a SET SCHEMA), drops
 * that make room for a re-creation, then creation from the outside in, and drops of what the
 * history dropped last, dependents before what they depend on. Column alterations are spaced so
 * that a default is dropped before a type change or ADD IDENTITY and set again after them.
 * A kind with a phase of its own defines it in its module, relative to these (`RANK.enumValue + 2`),
 * so adding a kind does not touch this table.
 */
export const RANK = {
  /** ALTER SCHEMA .. RENAME: the renames of objects in the schema name it by its new name. */
  renameSchema: -10,
  rename: 0,
  renamePart: 10,
  replaceDrop: 100,
  schema: 200,
  extension: 210,
  enum: 220,
  enumValue: 230,
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
  index: 430,
  /** ATTACH PARTITION: after the parent, its keys and indexes, and the table's columns are in place. */
  attachPartition: 435,
  view: 440,
  trigger: 450,
  sequenceOwner: 460,
  comment: 470,
  validate: 480,
  historyDrop: 1000,
} as const;

/**
 * Drop order within a drop phase (added to its base rank), dependents first: triggers, views,
 * foreign keys, other constraints, indexes, columns, tables, functions, sequences, types,
 * extensions, schemas. A kind that drops between two of these defines its rank in its module.
 */
export const DROP_RANK = {
  trigger: 0,
  view: 10,
  foreignKey: 20,
  constraint: 30,
  index: 40,
  column: 50,
  table: 60,
  function: 70,
  sequence: 80,
  enum: 90,
  extension: 95,
  schema: 99,
} as const;
