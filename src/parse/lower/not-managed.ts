import type { Ddl } from '../ddl.js';

const REPLICATION = 'publications and subscriptions are replication configuration, set up per server';
const FOREIGN = 'foreign data wrappers, servers, user mappings and foreign tables hold credentials and remote addresses that differ per environment';
const CLUSTER = 'is cluster-level, shared by every database of the server';
const TABLESPACE = `a tablespace ${CLUSTER}, and names a directory on the server`;
const OPCLASS = 'operator classes and families tie operators and support functions to an index access method (an extension\'s job); not modelled';

/**
 * Why a tablespace a statement names is not managed (TABLESPACE, USING INDEX TABLESPACE, SET
 * TABLESPACE): a place for files on one server, which other servers need not have.
 */
export const TABLESPACE_WHY = `not managed by schema-sync: ${TABLESPACE}`;

/** The `why` of a statement not managed: the reason, and what apply and check do with it. */
const notManagedWhy = (why: string): string => `not managed by schema-sync: ${why}; apply does not run it and check does not compare it`;

/**
 * Statements schema-sync deliberately leaves to the people running the server, by node type:
 * what they are called in SQL and why they are not managed. Replay reports them (a warning at
 * their file:line, saying so), never models them: apply does not create them and check does not
 * compare them.
 */
const NOT_MANAGED: Readonly<Record<string, readonly [string, string]>> = {
  CreatePublicationStmt: ['CREATE PUBLICATION', REPLICATION],
  AlterPublicationStmt: ['ALTER PUBLICATION', REPLICATION],
  CreateSubscriptionStmt: ['CREATE SUBSCRIPTION', REPLICATION],
  AlterSubscriptionStmt: ['ALTER SUBSCRIPTION', REPLICATION],
  DropSubscriptionStmt: ['DROP SUBSCRIPTION', REPLICATION],
  CreateFdwStmt: ['CREATE FOREIGN DATA WRAPPER', FOREIGN],
  AlterFdwStmt: ['ALTER FOREIGN DATA WRAPPER', FOREIGN],
  CreateForeignServerStmt: ['CREATE SERVER', FOREIGN],
  AlterForeignServerStmt: ['ALTER SERVER', FOREIGN],
  CreateUserMappingStmt: ['CREATE USER MAPPING', FOREIGN],
  AlterUserMappingStmt: ['ALTER USER MAPPING', FOREIGN],
  DropUserMappingStmt: ['DROP USER MAPPING', FOREIGN],
  CreateForeignTableStmt: ['CREATE FOREIGN TABLE', FOREIGN],
  ImportForeignSchemaStmt: ['IMPORT FOREIGN SCHEMA', FOREIGN],
  CreateRoleStmt: ['CREATE ROLE', `a role ${CLUSTER}: create roles before apply; schema-sync never creates or drops them`],
  AlterRoleStmt: ['ALTER ROLE', `a role ${CLUSTER}: schema-sync never changes roles`],
  AlterRoleSetStmt: ['ALTER ROLE .. SET', `a role ${CLUSTER}: schema-sync never changes roles`],
  DropRoleStmt: ['DROP ROLE', `a role ${CLUSTER}: schema-sync never creates or drops roles`],
  GrantRoleStmt: ['GRANT role', `role membership ${CLUSTER}: schema-sync never changes it`],
  CreateTableSpaceStmt: ['CREATE TABLESPACE', TABLESPACE],
  AlterTableSpaceOptionsStmt: ['ALTER TABLESPACE', TABLESPACE],
  DropTableSpaceStmt: ['DROP TABLESPACE', TABLESPACE],
  AlterTableMoveAllStmt: ['ALTER .. ALL IN TABLESPACE', TABLESPACE],
  CreatedbStmt: ['CREATE DATABASE', 'schema-sync works inside one database'],
  AlterDatabaseStmt: ['ALTER DATABASE', 'database settings are server configuration'],
  AlterDatabaseSetStmt: ['ALTER DATABASE .. SET', 'database settings are server configuration'],
  AlterSystemStmt: ['ALTER SYSTEM', 'server settings are server configuration'],
  CreateOpClassStmt: ['CREATE OPERATOR CLASS', OPCLASS],
  CreateOpFamilyStmt: ['CREATE OPERATOR FAMILY', OPCLASS],
  AlterOpFamilyStmt: ['ALTER OPERATOR FAMILY', OPCLASS],
  CreateEventTrigStmt: ['CREATE EVENT TRIGGER', 'event triggers need superuser and act on every later DDL, including the plan\'s own'],
  AlterEventTrigStmt: ['ALTER EVENT TRIGGER', 'event triggers need superuser and act on every later DDL, including the plan\'s own'],
};

/** A statement schema-sync does not manage, as an `unsupported` statement saying why; undefined for any other. */
export function notManaged(type: string): Ddl | undefined {
  const entry = NOT_MANAGED[type];
  if (!entry) return undefined;
  const [what, why] = entry;
  return { kind: 'unsupported', what, why: notManagedWhy(why) };
}

const EVENT_TRIGGERS = 'event triggers need superuser and act on every later DDL, including the plan\'s own';
const NOT_SCHEMA_OBJECTS = 'databases, roles, tablespaces, languages and large objects are not schema objects (cluster or database level)';

/**
 * Why the objects of a libpg-query ObjectType that COMMENT ON / ALTER .. OWNER TO can name are
 * not managed, for the kinds that are not; undefined for a kind with no reason of its own (one
 * schema-sync does not model, like casts or text search configurations, whose CREATE is a warning too).
 */
const KIND_REASONS: Readonly<Record<string, string>> = {
  OBJECT_DATABASE: NOT_SCHEMA_OBJECTS, OBJECT_ROLE: NOT_SCHEMA_OBJECTS, OBJECT_TABLESPACE: NOT_SCHEMA_OBJECTS,
  OBJECT_LANGUAGE: NOT_SCHEMA_OBJECTS, OBJECT_LARGEOBJECT: NOT_SCHEMA_OBJECTS,
  OBJECT_PUBLICATION: REPLICATION, OBJECT_SUBSCRIPTION: REPLICATION,
  OBJECT_FDW: FOREIGN, OBJECT_FOREIGN_SERVER: FOREIGN, OBJECT_FOREIGN_TABLE: FOREIGN, OBJECT_USER_MAPPING: FOREIGN,
  OBJECT_OPCLASS: OPCLASS, OBJECT_OPFAMILY: OPCLASS, OBJECT_EVENT_TRIGGER: EVENT_TRIGGERS,
};

/**
 * A statement on an object kind schema-sync does not manage (COMMENT ON, ALTER .. OWNER TO), as an
 * `unsupported` statement saying why: the kind's reason, or that the kind is not modelled.
 */
export function notManagedOn(what: string, objtype: string): Ddl {
  const kind = objtype.replace(/^OBJECT_/, '').replace(/_/g, ' ').toLowerCase();
  const why = KIND_REASONS[objtype] ?? `schema-sync does not model ${kind} objects (creating one is a warning too)`;
  return { kind: 'unsupported', what, why: notManagedWhy(why) };
}

/** ALTER INDEX / MATERIALIZED VIEW .. SET TABLESPACE, as an `unsupported` statement saying why. */
export function notManagedMove(what: string): Ddl {
  return { kind: 'unsupported', what, why: notManagedWhy(TABLESPACE) };
}
