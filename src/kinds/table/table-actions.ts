import type { Change } from '../../diff/change.js';
import type { ConstraintDef } from '../../model/objects.js';
import { qualify, quoteIdent } from '../../model/names.js';
import { addConstraintSql, createTableSql, withOptionsSql } from '../../model/sql/index.js';
import { statement, type Action } from '../../plan/action.js';
import { createdCommentActions, type CreatedComment } from '../comment/comment-actions.js';
import { ADDED_CONSTRAINTS, constraintAction, constraintComments } from '../constraint/constraint-actions.js';
import { constraintDep, relationDep } from '../../plan/dependency-keys.js';
import { describe, objectName } from '../../plan/describe.js';
import { CREATE_TABLE_HEAD, withIfNotExists } from '../../plan/if-not-exists.js';
import { deps } from '../../plan/object-deps.js';
import { tableDeps } from './table-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { RANK } from '../../plan/rank.js';
import { ALTERS_CATALOG, CHECKS_ROWS, CREATES, REWRITES, SHARE_UPDATE_EXCLUSIVE } from '../../plan/statement-effects.js';

/**
 * Constraints CREATE TABLE cannot hold: foreign keys (the referenced table may not exist yet, or
 * reference back) and NOT VALID checks (PostgreSQL silently validates those when inline).
 */
function addedLater(c: ConstraintDef): boolean {
  return c.type === 'foreign key' || (c.type === 'check' && !c.validated);
}

/**
 * `CREATE TABLE IF NOT EXISTS` with its primary key, unique, check and exclusion constraints
 * inline; its foreign keys and NOT VALID checks as guarded ADD CONSTRAINTs after the tables
 * (unless the diff lists them as addConstraint changes of their own); then its comments.
 */
export function createTableActions(c: Extract<Change, { kind: 'createTable' }>, index: number, ctx: PlanContext): Action[] {
  const t = c.table;
  const own = t.constraints.filter((con) => !ctx.fact(ADDED_CONSTRAINTS).has(constraintDep(t, con.name)));
  const inline = own.filter((con) => !addedLater(con));
  const sql = withIfNotExists(createTableSql(t, { constraints: inline }), CREATE_TABLE_HEAD);
  const name = objectName(c);
  const comments: CreatedComment[] = [
    { object: 'table', ref: t, text: t.comment },
    ...t.columns.map((col): CreatedComment => ({ object: 'column', ref: { schema: t.schema, parent: t.name, name: col.name }, text: col.comment })),
    ...own.flatMap((con) => constraintComments(t, con)),
  ];
  return [
    { change: index, rank: RANK.table, name, statements: [statement(sql, describe(c), CREATES)], deps: tableDeps(t, inline) },
    ...own.filter(addedLater).map((con) => constraintAction(index, t, con, true)),
    ...createdCommentActions(index, name, comments, ctx),
  ];
}

/**
 * `ALTER TABLE s.t SET LOGGED | SET UNLOGGED`, a no-op when the table already is. Ranked with
 * column changes: after the table exists, before foreign keys (PostgreSQL refuses a logged table
 * referencing an unlogged one, so the persistence is settled first).
 */
export function setLoggedActions(c: Extract<Change, { kind: 'setLogged' }>, index: number): Action[] {
  const sql = `ALTER TABLE ${qualify(c.table)} SET ${c.unlogged ? 'UNLOGGED' : 'LOGGED'}`;
  return [
    { change: index, rank: RANK.addColumn, name: objectName(c), statements: [statement(sql, describe(c), REWRITES)], deps: deps({ requires: [relationDep(c.table)] }) },
  ];
}

/**
 * `ALTER TABLE parent ATTACH PARTITION t FOR VALUES ...`, after the parent's CHECKs the table
 * lacks are added (PostgreSQL refuses the partition without them; attached, they merge with the
 * parent's). After the parent, its keys and indexes and the table's columns: PostgreSQL then
 * attaches the table's matching indexes and keys and clones the rest. Not idempotent by itself:
 * guarded by the table not being a partition yet.
 */
export function attachPartitionActions(c: Extract<Change, { kind: 'attachPartition' }>, index: number): Action[] {
  const checks = c.checks.map((k) => statement(addConstraintSql(c.table, { ...k, validated: true }, 'written'), `add ${k.name} to ${qualify(c.table)} before it is attached`, CHECKS_ROWS));
  const attach = `DO $$ BEGIN IF NOT (SELECT relispartition FROM pg_catalog.pg_class WHERE oid = '${qualify(c.table).replace(/'/g, "''")}'::regclass) THEN ` +
    `ALTER TABLE ${qualify(c.parent)} ATTACH PARTITION ${qualify(c.table)} ${c.bound}; END IF; END $$`;
  return [{
    change: index, rank: RANK.attachPartition, name: objectName(c),
    statements: [...checks, statement(attach, describe(c), CHECKS_ROWS)],
    deps: deps({ requires: [relationDep(c.table), relationDep(c.parent)] }),
  }];
}

/** `ALTER TABLE parent DETACH PARTITION t`, guarded by the table still being a partition (of it). */
export function detachPartitionActions(c: Extract<Change, { kind: 'detachPartition' }>, index: number): Action[] {
  const sql = `DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = '${qualify(c.table).replace(/'/g, "''")}'::regclass ` +
    `AND inhparent = '${qualify(c.parent).replace(/'/g, "''")}'::regclass) THEN ALTER TABLE ${qualify(c.parent)} DETACH PARTITION ${qualify(c.table)}; END IF; END $$`;
  return [{
    change: index, rank: RANK.detachPartition, name: objectName(c),
    statements: [statement(sql, describe(c), ALTERS_CATALOG)],
    deps: deps({ requires: [relationDep(c.table), relationDep(c.parent)] }),
  }];
}

/**
 * `ALTER TABLE s.t RESET (..), SET (..)`: every live option reset, then the target's set in its
 * order (PostgreSQL appends what SET names, so this gives the target's order too). Idempotent.
 */
export function setTableOptionsActions(c: Extract<Change, { kind: 'setTableOptions' }>, index: number): Action[] {
  const parts = [
    ...(c.reset.length ? [`RESET (${c.reset.map((n) => n.split('.').map(quoteIdent).join('.')).join(', ')})`] : []),
    ...(c.options.length ? [`SET${withOptionsSql(c.options).slice(' WITH'.length)}`] : []),
  ];
  const sql = `ALTER TABLE ${qualify(c.table)} ${parts.join(', ')}`;
  return [
    { change: index, rank: RANK.addColumn, name: objectName(c), statements: [statement(sql, describe(c), SHARE_UPDATE_EXCLUSIVE)], deps: deps({ requires: [relationDep(c.table)] }) },
  ];
}
