import { qualifyOperator } from '../names.js';
import type { OperatorDef } from '../objects.js';
import { operatorArgs } from '../schema-state.js';

/** `s.op (left, right)` as DROP / ALTER / COMMENT ON OPERATOR name one operator (NONE for a missing left). */
export function operatorSignatureSql(op: OperatorDef): string {
  return `${qualifyOperator(op)} (${operatorArgs(op.left, op.right)})`;
}

/** `CREATE OPERATOR s.op (FUNCTION = .., LEFTARG, RIGHTARG, COMMUTATOR, NEGATOR, RESTRICT, JOIN, HASHES, MERGES)`, as pg_dump writes it. */
export function createOperatorSql(op: OperatorDef): string {
  const opts = [`FUNCTION = ${op.function}`];
  if (op.left !== undefined) opts.push(`LEFTARG = ${op.left}`);
  if (op.right !== undefined) opts.push(`RIGHTARG = ${op.right}`);
  if (op.commutator) opts.push(`COMMUTATOR = OPERATOR(${op.commutator})`);
  if (op.negator) opts.push(`NEGATOR = OPERATOR(${op.negator})`);
  if (op.merges) opts.push('MERGES');
  if (op.hashes) opts.push('HASHES');
  if (op.restrict) opts.push(`RESTRICT = ${op.restrict}`);
  if (op.join) opts.push(`JOIN = ${op.join}`);
  return `CREATE OPERATOR ${qualifyOperator(op)} (${opts.join(', ')})`;
}

/** `ALTER OPERATOR .. SET (RESTRICT = .., JOIN = ..)`: the estimators, the only part PostgreSQL 15 alters. */
export function alterOperatorEstimatorsSql(op: OperatorDef): string {
  const est = (f: string | undefined): string => f ?? 'NONE';
  return `ALTER OPERATOR ${operatorSignatureSql(op)} SET (RESTRICT = ${est(op.restrict)}, JOIN = ${est(op.join)})`;
}
