import type { Change } from '../../diff/change.js';
import { qualify } from '../../model/names.js';
import type { SequenceDef } from '../../model/objects.js';
import { alterSequenceOwnedBySql, createSequenceSql, defaultSequenceOptions } from '../../model/sql/index.js';
import { statement, type Action, type Statement } from '../../plan/action.js';
import { createdCommentActions } from '../comment/comment-actions.js';
import { columnDep, relationDep, type DepKey } from '../../plan/dependency-keys.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { deps } from '../../plan/object-deps.js';
import { sequenceDeps } from './sequence-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { RANK } from '../../plan/rank.js';
import { identityColumnOf } from '../column/column-facts.js';
import { CREATES, SHARE_ROW_EXCLUSIVE } from '../../plan/statement-effects.js';

/**
 * `ALTER SEQUENCE s.n AS .. INCREMENT BY .. START WITH ..`: every option spelled out (the same
 * clauses CREATE SEQUENCE takes), so running it again changes nothing. START WITH only sets what
 * RESTART goes back to; the current value is left alone.
 */
function alterSequenceOptionsSql(seq: SequenceDef): string {
  const sql = createSequenceSql(seq);
  const head = `CREATE SEQUENCE ${qualify(seq)} `;
  if (!sql.startsWith(head)) throw new Error(`planner: unexpected CREATE SEQUENCE text: ${sql}`);
  return `ALTER SEQUENCE ${qualify(seq)} ${sql.slice(head.length)}`;
}

/**
 * The option statements for an existing sequence. PostgreSQL refuses new MINVALUE / MAXVALUE that
 * exclude the sequence's current value ("RESTART value (1) cannot be greater than MAXVALUE
 * (-10)"), so when the range narrows (`from` is the range it had) a guarded first statement
 * restarts it at the new START WITH in the same ALTER if its value is outside; a value inside
 * the range is kept.
 */
function alterSequenceStatements(seq: SequenceDef, from: Pick<SequenceDef, 'min' | 'max'>, description: string): Statement[] {
  const alter = alterSequenceOptionsSql(seq);
  if (BigInt(seq.min) <= BigInt(from.min) && BigInt(seq.max) >= BigInt(from.max)) return [statement(alter, description, SHARE_ROW_EXCLUSIVE)];
  const outside = `(SELECT last_value FROM ${qualify(seq)}) NOT BETWEEN ${seq.min} AND ${seq.max}`;
  return [statement(guardedSql(outside, [`${alter} RESTART`]), `${description} (restart outside the new range)`, SHARE_ROW_EXCLUSIVE), statement(alter, description, SHARE_ROW_EXCLUSIVE)];
}

function ownerKeys(seq: SequenceDef): DepKey[] {
  if (!seq.ownedBy) return [];
  const table = { schema: seq.schema, name: seq.ownedBy.table };
  return [relationDep(table), columnDep(table, seq.ownedBy.column)];
}

const OPTIONS = ['dataType', 'start', 'increment', 'min', 'max', 'cache', 'cycle'] as const;

/**
 * A sequence: CREATE SEQUENCE IF NOT EXISTS before the tables (serial defaults call it), then
 * OWNED BY once its column exists. The implicit sequence of an identity column the plan creates
 * is made by CREATE TABLE / ADD COLUMN itself (a separate CREATE would make the column's fail),
 * so for it only its options are set, after the column.
 */
export function createSequenceActions(c: Extract<Change, { kind: 'createSequence' }>, index: number, ctx: PlanContext): Action[] {
  const seq = c.sequence;
  const name = objectName(c);
  const comments = createdCommentActions(index, name, [{ object: 'sequence', ref: seq, text: seq.comment }], ctx);
  const identity = identityColumnOf(ctx, seq);
  if (identity) {
    return [
      {
        change: index,
        rank: RANK.sequenceOwner,
        name,
        // The column was added with a plain identity: its sequence has the type's default range.
        statements: alterSequenceStatements(seq, defaultSequenceOptions(seq.dataType, '1'), `set options of identity sequence ${name}`),
        deps: deps({ provides: [relationDep(seq)], requires: [columnDep(identity.table, identity.column)] }),
      },
      ...comments,
    ];
  }
  const actions: Action[] = [
    { change: index, rank: RANK.sequence, name, statements: [statement(createSequenceSql(seq, { ifNotExists: true }), describe(c), CREATES)], deps: sequenceDeps(seq) },
  ];
  if (seq.ownedBy) {
    actions.push({
      change: index,
      rank: RANK.sequenceOwner,
      name,
      statements: [statement(alterSequenceOwnedBySql(seq), `set owner of sequence ${name}`, SHARE_ROW_EXCLUSIVE)],
      deps: deps({ requires: [relationDep(seq), ...ownerKeys(seq)] }),
    });
  }
  return [...actions, ...comments];
}

/**
 * ALTER SEQUENCE with all options when any differs, and OWNED BY when the owner differs (after
 * the owning column exists). PostgreSQL refuses to re-own an identity column's sequence.
 */
export function alterSequenceActions(c: Extract<Change, { kind: 'alterSequence' }>, index: number, ctx: PlanContext): Action[] {
  const seq = c.sequence;
  const statements: Statement[] = [];
  const optionsDiffer = OPTIONS.some((k) => seq[k] !== c.live[k]);
  const ownerDiffers = seq.ownedBy?.table !== c.live.ownedBy?.table || seq.ownedBy?.column !== c.live.ownedBy?.column;
  const reown = ownerDiffers && !identityColumnOf(ctx, seq);
  if (optionsDiffer || !reown) statements.push(...alterSequenceStatements(seq, c.live, describe(c)));
  if (reown) statements.push(statement(alterSequenceOwnedBySql(seq), `set owner of sequence ${objectName(c)}`, SHARE_ROW_EXCLUSIVE));
  return [
    {
      change: index,
      rank: RANK.sequenceOwner,
      name: objectName(c),
      statements,
      deps: deps({ requires: [relationDep(seq), ...ownerKeys(seq)] }),
    },
  ];
}
