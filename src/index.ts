/**
 * The schema-sync library: everything the CLI does, callable from a TypeScript deploy script.
 *
 *   loadMigrations -> replay -> (introspect + diff + plan) or apply -> introspect + compareStates
 *
 * Nothing here exits the process or writes to stdout/stderr; errors are thrown (UserError for bad
 * input, ApplyError for a rejected plan step, QueryError for a refused query).
 */

// Errors
/** Bad input (a migration file, an option, a connection string); carries file:line when known. */
export { UserError, formatPos, type SourcePos } from './errors.js';

// Loading migrations
/** Reads a folder of revision .sql files, plain .sql files or an Alembic offline script. */
export { loadMigrations, hasRevisionIds, type LoadOptions, type MigrationHistory, type Revision } from './load/index.js';

// Replay
/** Replays loaded revisions into the cumulative target SchemaState, with diagnostics. */
export { replay, type ReplayOptions, type ReplayResult, type Diagnostic, type ReplayStats } from './replay/index.js';

// Live database
/** Opens `postgres://`, `postgresql://`, key=value, `pglite:<dir>` or `pglite:memory` targets. */
export { openDatabase, redactConnectionString, resolveDatabaseTarget, QueryError, type Database, type QueryErrorFields } from './db/index.js';

// Introspection
/** Reads a live catalog into a SchemaState, through the same lowering as replay. */
export { introspect, type IntrospectOptions } from './introspect/index.js';
/** The rows of the live alembic_version table (undefined when there is none): what PlanHistory.alembicVersion takes. */
export { readAlembicVersion } from './introspect/index.js';

// Diff and comparison
/** Typed, history-aware changes that take a live state to the target. */
export { diff } from './diff/diff.js';
export type { DiffOptions } from './diff/diff-context.js';
/** Object-by-object differences in both directions (what `schema-sync check` reports). */
export { compareStates, countObjects } from './diff/compare-states.js';
/** Names of the target objects no change touches (the `inPlace` count of summarizePlan). */
export { inPlaceObjects } from './diff/in-place.js';
export type {
  Change, ChangeKind, Concern, DiffResult, Drift, Hazard, PlannedChange, Safety, TableRef, UnmanagedObject,
} from './diff/change.js';
export type { Difference, AttributeDifference } from './diff/difference.js';

/** Leaves objects out of both sides of a comparison (what `--exclude` and schema-sync.json's `exclude` do). */
export { excludeObjects, EXCLUDABLE_KINDS, type ExcludeRule, type ExcludableKind } from './model/exclude.js';

// Planning
/** Orders a diff into idempotent SQL steps; fingerprint hashes a schema for stale-plan checks. */
export { plan, fingerprint, type Plan, type PlanOptions, type PlanStep } from './plan/index.js';
/** The history beyond its schema (revisions, alembic_version, data statements): seeds, stamps and the data statements list. */
export type { PlanHistory, RevisionRef } from './plan/history-context.js';
export type { AlembicStatus } from './plan/alembic-position.js';
export type { NotRunStatement, RelatedChange } from './plan/data-report.js';
export type { DataStatement, RelationUse, SeedInsert } from './model/data-statement.js';

// Applying
/** Applies a target state under an advisory lock, in one transaction, then verifies. */
export { apply, ApplyError, type ApplyOptions, type ApplyResult, type ApplyTarget, type ReplayedTarget } from './apply/index.js';

// Reports
/** Canonical DDL of a schema state (byte-identical for the same schema). */
export { renderStateSql, renderStateJson, type RenderStateSqlOptions, type StateJsonOptions } from './report/index.js';
/** Human, SQL and JSON renderings of a plan, and its summary counts. */
export { renderPlanText, type PlanTextOptions } from './report/plan-text.js';
export { renderPlanSql } from './report/plan-sql.js';
export { renderPlanJson } from './report/plan-json.js';
export { summarizePlan, type PlanSummary } from './report/plan-summary.js';
/** The closing lines of an apply: what was applied, skipped and verified. */
export { renderApplySummary, type ApplySummary } from './report/apply-text.js';
/** Text decorations for the human renderings (PLAIN for logs, COLOR for a terminal). */
export { PLAIN, COLOR, type Style } from './report/style.js';

// Model
/** The schema model: a whole schema as plain readonly data, and its object types. */
export { emptyState, type SchemaState } from './model/schema-state.js';
export type {
  QualifiedName, SchemaDef, ExtensionDef, TypeText, IdentitySpec, ColumnDef, ForeignKeyAction, ForeignKeyRef, IndexKey,
  PrimaryKeyConstraint, UniqueConstraint, ForeignKeyConstraint, CheckConstraint, ExcludeConstraint, ConstraintDef,
  TableDef, IndexDef, EnumDef, DomainDef, DomainCheck, CompositeTypeDef, TypeAttribute, RangeTypeDef, SequenceDef, ViewDef, FunctionDef, TriggerDef, ObjectKind,
} from './model/objects.js';
export type { Origin } from './model/origin.js';
export type { HistoryEvent, HistoryRef, RenameEvent, DropEvent, RetypeEvent, AddValueEvent } from './model/history.js';
