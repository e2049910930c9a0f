import type { DiffContext } from '../../diff/diff-context.js';
import { differingAttributes } from '../../diff/diff-context.js';
import { originField } from '../../diff/make-change.js';
import { qualify, qualifyOperator, type QualifiedName } from '../../model/names.js';
import type { OperatorDef } from '../../model/objects.js';
import { operatorArgs } from '../../model/schema-state.js';
import { RelationMentions } from '../../report/relation-mentions.js';
import type { OperatorRef } from './operator-change.js';
import { drop } from '../drop/drop-change.js';
import { rename } from '../rename/rename-change.js';
import { OPERATORS } from './operator-match.js';

/** What CREATE OPERATOR fixes: PostgreSQL 15's ALTER OPERATOR changes only RESTRICT and JOIN. */
const REBUILT = ['function', 'commutator', 'negator', 'hashes', 'merges'];
const ESTIMATORS = ['restrict', 'join'];

const sameName = (link: string | undefined, op: QualifiedName): boolean => link === qualifyOperator(op);

/** The first live view, constraint, index or policy whose text names the operator's symbol (undefined: none). */
export function operatorUser(ctx: DiffContext, op: QualifiedName): string | undefined {
  const names = (text: string | undefined): boolean => text !== undefined && new RelationMentions(text).has(op);
  for (const v of ctx.live.views.values()) if (names(v.query) || names(v.definition)) return `view ${qualify(v)}`;
  for (const t of ctx.live.tables.values()) {
    for (const c of t.constraints) {
      if ((c.type === 'check' && names(c.expression)) || (c.type === 'exclude' && (names(c.where) || c.keys.some((k) => names(k.expression))))) {
        return `constraint ${c.name} of ${qualify(t)}`;
      }
    }
    for (const c of t.columns) if (names(c.default) || names(c.generated)) return `column ${qualify(t)}.${c.name}`;
  }
  for (const i of ctx.live.indexes.values()) if (names(i.where) || i.keys.some((k) => names(k.expression))) return `index ${qualify(i)}`;
  for (const p of ctx.live.policies.values()) if (names(p.using) || names(p.withCheck)) return `policy ${p.name} on ${qualify({ schema: p.schema, name: p.table })}`;
  return undefined;
}

/** Target operators that name `op` as commutator or negator while `op` names none of them back (see OperatorChange.after). */
function linkedFrom(ctx: DiffContext, op: OperatorDef): OperatorRef[] {
  const out: OperatorRef[] = [];
  for (const o of ctx.target.operators.values()) {
    if (o === op) continue;
    const commutes = sameName(o.commutator, op) && o.left === op.right && o.right === op.left && !sameName(op.commutator, o);
    const negates = sameName(o.negator, op) && o.left === op.left && o.right === op.right && !sameName(op.negator, o);
    if (commutes || negates) out.push({ schema: o.schema, name: o.name, args: operatorArgs(o.left, o.right) });
  }
  return out;
}

/**
 * A COMMUTATOR / NEGATOR the live operator lacks that PostgreSQL adds by itself: the operator it
 * names is created by this plan and names this one back (OperatorUpd links a new operator's
 * commutator and negator to it when they have none).
 */
function linkedByCreation(ctx: DiffContext, target: OperatorDef, live: OperatorDef, attribute: string): boolean {
  if ((attribute !== 'commutator' && attribute !== 'negator') || live[attribute] !== undefined) return false;
  const link = target[attribute];
  return ctx.matched(OPERATORS).created.some(({ target: o }) =>
    qualifyOperator(o) === link && sameName(o[attribute], target) &&
    (attribute === 'negator' ? o.left === target.left && o.right === target.right : o.left === target.right && o.right === target.left));
}

function create(ctx: DiffContext, key: string, op: OperatorDef): void {
  ctx.out.add('operator', key, { kind: 'createOperator', operator: op, after: linkedFrom(ctx, op), ...originField(op.origin) });
  ctx.comment('operator', { schema: op.schema, name: op.name }, op.comment, undefined, op.origin, operatorArgs(op.left, op.right));
}

/**
 * Operators, by schema, symbol and operands: created, their estimators altered in place, dropped
 * where the history dropped them. A different function, commutator, negator, HASHES or MERGES is a
 * drop and create again when no live view, constraint, index or policy uses the symbol; otherwise
 * drift (PostgreSQL 15 cannot alter them and the drop would need CASCADE). Operators cannot be
 * renamed; a history SET SCHEMA moves the live one (what uses it keeps using it).
 */
export function diffOperators(ctx: DiffContext): void {
  const { out } = ctx;
  for (const { key, target } of ctx.matched(OPERATORS).created) create(ctx, key, target);
  for (const { key, target, live, renamed } of ctx.matched(OPERATORS).pairs) {
    const args = operatorArgs(target.left, target.right);
    const ref = { schema: target.schema, name: target.name };
    if (renamed) out.add('operator', key, rename('operator', { schema: live.schema, name: live.name }, ref, target.origin));
    const differing = differingAttributes(target, live).filter((a) => !linkedByCreation(ctx, target, live, a));
    const rebuilt = differing.filter((a) => REBUILT.includes(a));
    if (rebuilt.length) {
      const user = operatorUser(ctx, live);
      if (user !== undefined) {
        out.addDrift({
          object: 'operator', ref, ...originField(target.origin),
          message: `${qualifyOperator(target)} (${args}): ${rebuilt.join(', ')} differ${rebuilt.length === 1 ? 's' : ''} from the migrations; PostgreSQL cannot alter that, and ${user} uses the operator (a drop would need CASCADE)`,
        });
        continue;
      }
      out.add('operator', key, drop('operator', ref, 'replace', target.origin, args, rebuilt));
      create(ctx, key, target);
      continue;
    }
    if (differing.some((a) => ESTIMATORS.includes(a))) {
      const from = { ...(live.restrict ? { restrict: live.restrict } : {}), ...(live.join ? { join: live.join } : {}) };
      out.add('operator', key, { kind: 'alterOperator', operator: target, from, ...originField(target.origin) });
    }
    ctx.comment('operator', ref, target.comment, live.comment, target.origin, args);
  }
  ctx.liveOnly('operator', ctx.matched(OPERATORS), () => 'operator', undefined, (o) => operatorArgs(o.left, o.right));
}
