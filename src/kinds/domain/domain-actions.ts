import { CREATES, NO_TABLE_LOCK, CHECKS_UNDER_SHARE, type StatementEffects } from '../../plan/statement-effects.js';
import type { Change } from '../../diff/change.js';
import { qualify, quoteIdent, quoteLiteral, type QualifiedName } from '../../model/names.js';
import { addDomainCheckSql, createDomainSql, domainCheckCommentSql } from '../../model/sql/index.js';
import { statement, type Action } from '../../plan/action.js';
import { typeExists } from '../../plan/catalog-conditions.js';
import { typeDep } from '../../plan/dependency-keys.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { deps } from '../../plan/object-deps.js';
import { domainDeps } from './domain-deps.js';
import { expressionTexts } from '../../plan/mentions.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { DROP_RANK, RANK } from '../../plan/rank.js';
import { createdCommentActions } from '../comment/comment-actions.js';

type DomainChange = Extract<Change, { kind: 'domain' }>;

/** Holds when the domain has a constraint of this name (domain constraints live in pg_constraint by contypid). */
function domainCheckExists(d: QualifiedName, name: string): string {
  return (
    'EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_type t ON t.oid = c.contypid' +
    ' JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace' +
    ` WHERE n.nspname = ${quoteLiteral(d.schema)} AND t.typname = ${quoteLiteral(d.name)} AND c.conname = ${quoteLiteral(name)})`
  );
}

/** The SQL of one ALTER DOMAIN change, each statement idempotent (guarded where PostgreSQL has no IF [NOT] EXISTS). */
function alterSql(c: DomainChange): string {
  const d = qualify(c.domain);
  const op = c.op;
  switch (op.op) {
    case 'create':
      // CREATE DOMAIN has no IF NOT EXISTS: guarded by a pg_type lookup.
      return guardedSql(`NOT ${typeExists(c.domain)}`, [
        createDomainSql(op.domain),
        ...op.domain.checks.filter((x) => !x.validated).map((x) => addDomainCheckSql(op.domain, x)),
      ]);
    case 'setDefault':
      return op.to === undefined ? `ALTER DOMAIN ${d} DROP DEFAULT` : `ALTER DOMAIN ${d} SET DEFAULT ${op.toSql ?? op.to}`;
    case 'setNotNull':
      return `ALTER DOMAIN ${d} ${op.notNull ? 'SET' : 'DROP'} NOT NULL`;
    case 'addCheck':
      return guardedSql(`NOT ${domainCheckExists(c.domain, op.check.name)}`, [addDomainCheckSql(c.domain, op.check)]);
    case 'dropCheck':
      return `ALTER DOMAIN ${d} DROP CONSTRAINT IF EXISTS ${quoteIdent(op.name)}`;
    case 'validateCheck':
      return `ALTER DOMAIN ${d} VALIDATE CONSTRAINT ${quoteIdent(op.name)}`;
    case 'commentCheck':
      return domainCheckCommentSql(c.domain, op.name, op.comment);
  }
}

/**
 * What an ALTER DOMAIN takes and risks: NOT NULL, a validated CHECK and VALIDATE take SHARE on
 * every table with a column of the domain's type and scan it (failing on a value that breaks
 * them; PostgreSQL's get_rels_with_domain); the rest changes the catalog only.
 */
function effectsOf(op: DomainChange['op']): StatementEffects {
  switch (op.op) {
    case 'create': return CREATES;
    case 'setNotNull': return op.notNull ? CHECKS_UNDER_SHARE : NO_TABLE_LOCK;
    case 'addCheck': return op.check.validated === false ? NO_TABLE_LOCK : CHECKS_UNDER_SHARE;
    case 'validateCheck': return CHECKS_UNDER_SHARE;
    case 'setDefault':
    case 'dropCheck':
    case 'commentCheck':
      return NO_TABLE_LOCK;
    default: {
      const unhandled: never = op;
      throw new Error(`unhandled domain change: ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * Where domain statements run: after enum labels (a domain may be over an enum), before sequences
 * and tables; a check dropped (to be added again, or loosened) first, then domains created, then
 * altered. Dropped after functions (a function may take the domain), before the enums and types
 * it is based on.
 */
export const DOMAIN_RANK = { dropCheck: RANK.enumValue + 1, create: RANK.enumValue + 2, alter: RANK.enumValue + 6, drop: DROP_RANK.enum - 5 } as const;

/**
 * CREATE DOMAIN (before the tables, columns and functions of its type, after what it names) or
 * one ALTER DOMAIN on an existing domain; a check that replaces one of the same name goes after
 * the drop (lower rank).
 */
export function domainActions(c: DomainChange, index: number, ctx: PlanContext): Action[] {
  const name = objectName(c);
  const op = c.op;
  const base: Action = {
    change: index,
    rank: op.op === 'create' ? DOMAIN_RANK.create : op.op === 'dropCheck' ? DOMAIN_RANK.dropCheck : op.op === 'commentCheck' ? RANK.comment : DOMAIN_RANK.alter,
    name,
    statements: [statement(alterSql(c), describe(c), effectsOf(op))],
    deps: op.op === 'create'
      ? domainDeps(op.domain)
      : deps({ requires: [typeDep(c.domain)], mentions: op.op === 'addCheck' ? expressionTexts(op.check.expression) : [] }),
  };
  if (op.op !== 'create') return [base];
  return [base, ...createdCommentActions(index, name, [{ object: 'domain', ref: op.domain, text: op.domain.comment }], ctx)];
}
