import type { Change } from '../../diff/change.js';
import { qualify, quoteIdent, quoteLiteral, type QualifiedName } from '../../model/names.js';
import type { ConstraintDef } from '../../model/objects.js';
import { addConstraintSql } from '../../model/sql/index.js';
import { statement, type Action, type Statement } from '../../plan/action.js';
import { regclass } from '../../plan/catalog-conditions.js';
import { createdCommentActions, type CreatedComment } from '../comment/comment-actions.js';
import { indexComment } from '../../model/index-backed.js';
import { constraintDep } from '../../plan/dependency-keys.js';
import { describe, objectName, subObjectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { deps } from '../../plan/object-deps.js';
import { constraintDeps } from './constraint-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { fact, type PlanFacts } from '../../plan/plan-facts.js';
import { RANK } from '../../plan/rank.js';
import { ADDS_FOREIGN_KEY, ADDS_FOREIGN_KEY_NOT_VALID, ALTERS_CATALOG, CHECKS_ROWS, CREATES, VALIDATES, type StatementEffects } from '../../plan/statement-effects.js';

/**
 * The table has a constraint of this name. `strict`: the table must exist (`'t'::regclass`, an
 * error otherwise: right before ADD CONSTRAINT); else a missing table reads as "no constraint".
 */
export function constraintExists(table: QualifiedName, name: string, strict = false): string {
  const rel = strict ? `${quoteLiteral(qualify(table))}::pg_catalog.regclass` : regclass(table);
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = ${rel} AND conname = ${quoteLiteral(name)})`;
}

/** `ALTER TABLE s.t VALIDATE CONSTRAINT c`: scans under a lock that still allows writes; a no-op when already valid. */
export function validateConstraintSql(table: QualifiedName, name: string): string {
  return `ALTER TABLE ${qualify(table)} VALIDATE CONSTRAINT ${quoteIdent(name)}`;
}

/**
 * What ADD CONSTRAINT does on an existing table: a foreign key takes SHARE ROW EXCLUSIVE (on both
 * tables), the others ACCESS EXCLUSIVE; a validated one (and PK/UNIQUE/EXCLUDE, which build an
 * index) scans the table and fails on a violating row; a NOT VALID one checks only new rows.
 */
function addEffects(con: ConstraintDef, validated: boolean): StatementEffects {
  const checked = validated || (con.type !== 'foreign key' && con.type !== 'check');
  if (con.type === 'foreign key') return checked ? ADDS_FOREIGN_KEY : ADDS_FOREIGN_KEY_NOT_VALID;
  return checked ? CHECKS_ROWS : ALTERS_CATALOG;
}

/**
 * ADD CONSTRAINT (no IF NOT EXISTS in PostgreSQL) guarded by a pg_constraint lookup. On an existing
 * table a foreign key or CHECK is added NOT VALID and then validated in a second statement, so the
 * long scan does not run under ADD CONSTRAINT's stronger lock; one that is NOT VALID in the target stays so.
 */
export function addConstraintStatements(table: QualifiedName, con: ConstraintDef, newTable: boolean): Statement[] {
  const name = subObjectName(table, con.name);
  const add = (c: ConstraintDef): string => guardedSql(`NOT ${constraintExists(table, c.name, true)}`, [addConstraintSql(table, c)]);
  if (!newTable && (con.type === 'foreign key' || con.type === 'check') && con.validated) {
    return [
      statement(add({ ...con, validated: false }), `add constraint ${name} (not valid)`, addEffects(con, false)),
      statement(validateConstraintSql(table, con.name), `validate constraint ${name}`, VALIDATES),
    ];
  }
  return [statement(add(con), `add constraint ${name}`, newTable ? (con.type === 'foreign key' ? ADDS_FOREIGN_KEY_NOT_VALID : CREATES) : addEffects(con, !('validated' in con) || con.validated))];
}

/** One constraint added by ALTER TABLE, ranked with foreign keys or with the other constraints. */
export function constraintAction(index: number, table: QualifiedName, con: ConstraintDef, newTable: boolean): Action {
  return {
    change: index,
    rank: con.type === 'foreign key' ? RANK.foreignKey : RANK.constraint,
    name: subObjectName(table, con.name),
    statements: addConstraintStatements(table, con, newTable),
    deps: constraintDeps(table, con),
  };
}

/** The comments a created constraint carries: its own and (PK / UNIQUE / EXCLUDE) its index's. */
export function constraintComments(table: QualifiedName, con: ConstraintDef): CreatedComment[] {
  return [
    { object: 'constraint', ref: { schema: table.schema, parent: table.name, name: con.name }, text: con.comment },
    { object: 'index', ref: { schema: table.schema, name: con.name }, text: indexComment(con) },
  ];
}

/** An added constraint and its comments. */
export function addConstraintActions(c: Extract<Change, { kind: 'addConstraint' }>, index: number, ctx: PlanContext): Action[] {
  return [
    constraintAction(index, c.table, c.constraint, c.newTable),
    ...createdCommentActions(index, objectName(c), constraintComments(c.table, c.constraint), ctx),
  ];
}

/** VALIDATE CONSTRAINT, already idempotent. */
export function validateConstraintActions(c: Extract<Change, { kind: 'validateConstraint' }>, index: number): Action[] {
  return [
    {
      change: index,
      rank: RANK.validate,
      name: objectName(c),
      statements: [statement(validateConstraintSql(c.table, c.constraint), describe(c), VALIDATES)],
      deps: deps({ requires: [constraintDep(c.table, c.constraint)] }),
    },
  ];
}

/** Constraints an `addConstraint` change adds (constraintDep), so CREATE TABLE leaves them out. */
export const ADDED_CONSTRAINTS = fact('added constraints');

/** Records the constraint an addConstraint change adds. */
export function noteAddedConstraint(c: Extract<Change, { kind: 'addConstraint' }>, facts: PlanFacts): void {
  facts.add(ADDED_CONSTRAINTS, constraintDep(c.table, c.constraint.name));
}
