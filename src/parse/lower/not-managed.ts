import type { Ddl } from '../ddl.js';

const REPLICATION = 'publications and subscriptions are replication configuration, set up per server';
const FOREIGN = 'foreign data wrappers, servers, user mappings and foreign tables hold credentials and remote addresses that differ per environment';
const CLUSTER = 'is cluster-level, shared by every database of the server';
const OPCLASS = 'operator classes and families tie operators and support functions to an index access method (an extension\'s job); not modelled';

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
  CreateTableSpaceStmt: ['CREATE TABLESPACE', `a tablespace ${CLUSTER} and names a directory on the server`],
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
  return { kind: 'unsupported', what, why: `not managed by schema-sync: ${why}; apply does not run it and check does not compare it` };
}
