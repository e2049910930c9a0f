import type { Change, Concern } from '../../diff/change.js';
import { differingAttributes, type DiffContext } from '../../diff/diff-context.js';
import { originField } from '../../diff/make-change.js';
import { qualify } from '../../model/names.js';
import type { DomainCheck, DomainDef } from '../../model/objects.js';
import type { DomainOp } from './domain-change.js';
import { DOMAINS } from './domain-match.js';
import { collationSpelling } from '../collation/collation-names.js';
import { drop } from '../drop/drop-change.js';
import { rename } from '../rename/rename-change.js';

/** Attributes ALTER DOMAIN cannot change: a difference means drop and create again. */
const REBUILT = ['baseType', 'collation'];

/** A domain change; its statement says what it risks (see domain-actions.ts), `concern` what it does not show. */
function change(d: DomainDef, op: DomainOp, concern?: Concern): Change {
  return { kind: 'domain', domain: { schema: d.schema, name: d.name }, op, ...(concern ? { concern } : {}), ...originField(d.origin) };
}

/** Does a live column or domain use the live domain (the key as column types spell it)? */
function inUse(ctx: DiffContext, key: string): boolean {
  const of = (type: string): boolean => type === key || type === `${key}[]`;
  for (const t of ctx.live.tables.values()) if (t.columns.some((c) => of(c.type))) return true;
  for (const d of ctx.live.domains.values()) if (of(d.baseType)) return true;
  return false;
}

/** CREATE DOMAIN with the comments of the domain and of its checks. */
function create(ctx: DiffContext, key: string, d: DomainDef): void {
  ctx.out.add('domain', key, change(d, { op: 'create', domain: d }));
  ctx.comment('domain', { schema: d.schema, name: d.name }, d.comment, undefined, d.origin);
  for (const c of d.checks) if (c.comment !== undefined) commentCheck(ctx, key, d, c);
}

/** COMMENT ON CONSTRAINT .. ON DOMAIN, filed with the other comments. */
function commentCheck(ctx: DiffContext, key: string, d: DomainDef, c: DomainCheck): void {
  ctx.out.add('comment', `domain ${key} ${c.name}`, change(d, { op: 'commentCheck', name: c.name, comment: c.comment ?? null }));
}

/** The first live column that is an array of the live domain (`table.column`), if any. */
function arrayColumn(ctx: DiffContext, liveKey: string): string | undefined {
  for (const t of ctx.live.tables.values()) {
    const c = t.columns.find((x) => x.type === `${liveKey}[]`);
    if (c) return `${qualify(t)}.${c.name}`;
  }
  return undefined;
}

/**
 * CHECKs by name: added (checked against every column of the domain), dropped, validated,
 * commented. PostgreSQL cannot check existing values when an array column is of the domain
 * ("cannot alter type ... because column ... uses it"): the check is then added NOT VALID and
 * the rest reported as drift.
 */
function diffChecks(ctx: DiffContext, key: string, liveKey: string, target: DomainDef, live: DomainDef): void {
  const liveChecks = new Map(live.checks.map((c) => [c.name, c]));
  const blocker = arrayColumn(ctx, liveKey);
  const unchecked = (c: DomainCheck): void => ctx.out.addDrift({
    object: 'domain', ref: { schema: target.schema, name: target.name }, ...originField(target.origin),
    message: `constraint ${c.name} cannot be validated: PostgreSQL does not check existing values of a domain an array column (${blocker}) uses; it is added NOT VALID`,
  });
  const add = (c: DomainCheck): void => {
    const check = blocker !== undefined && c.validated ? { ...c, validated: false } : c;
    if (check !== c) unchecked(c);
    ctx.out.add('domain', key, change(target, { op: 'addCheck', check }));
  };
  for (const c of live.checks) {
    const t = target.checks.find((x) => x.name === c.name);
    if (!t || t.expression !== c.expression) ctx.out.add('domain', key, change(target, { op: 'dropCheck', name: c.name }, 'changes behaviour'));
  }
  for (const c of target.checks) {
    const l = liveChecks.get(c.name);
    if (!l || l.expression !== c.expression) add(c);
    else if (c.validated && !l.validated) {
      if (blocker !== undefined) unchecked(c);
      else ctx.out.add('domain', key, change(target, { op: 'validateCheck', name: c.name }));
    }
    if ((c.comment ?? null) !== ((l && l.expression === c.expression ? l.comment : undefined) ?? null)) commentCheck(ctx, key, target, c);
  }
}

/**
 * Domains: create, rename, alter in place (default, NOT NULL, CHECKs, comments); a changed base
 * type or collation is a drop and create when nothing live is of the domain type, else drift
 * (PostgreSQL cannot change either, and dropping the domain would take its columns' data along).
 */
export function diffDomains(ctx: DiffContext): void {
  const { out } = ctx;
  for (const { key, target } of ctx.matched(DOMAINS).created) create(ctx, key, target);
  for (const { key, liveKey, target, live: asRead, renamed } of ctx.matched(DOMAINS).pairs) {
    // A collation the history renamed is the same collation (the domain holds its OID).
    const collation = collationSpelling(ctx.names, asRead.collation);
    const live = collation === asRead.collation ? asRead : { ...asRead, collation: collation! };
    const ref = { schema: target.schema, name: target.name };
    const rebuilt = differingAttributes(target, live).filter((a) => REBUILT.includes(a));
    if (rebuilt.length) {
      if (inUse(ctx, liveKey)) {
        out.addDrift({
          object: 'domain', ref, ...originField(target.origin),
          message: `${rebuilt.map((a) => `${a === 'baseType' ? 'base type' : a} is ${String((live as unknown as Record<string, unknown>)[a] ?? 'default')} live but ${String((target as unknown as Record<string, unknown>)[a] ?? 'default')} in the migrations`).join('; ')}; PostgreSQL cannot alter it, and columns of ${qualify(live)} would be lost with a drop`,
        });
        continue;
      }
      out.add('domain', key, drop('domain', { schema: live.schema, name: live.name }, 'replace', target.origin, undefined, rebuilt));
      create(ctx, key, target);
      continue;
    }
    if (renamed) out.add('domain', key, rename('domain', { schema: live.schema, name: live.name }, ref, target.origin));
    if (target.default !== live.default) {
      const op: DomainOp = {
        op: 'setDefault',
        ...(live.default !== undefined ? { from: live.default } : {}),
        ...(target.default !== undefined ? { to: target.default } : {}),
        ...(target.defaultSql !== undefined ? { toSql: target.defaultSql } : {}),
      };
      out.add('domain', key, change(target, op));
    }
    if (target.notNull !== live.notNull) {
      out.add('domain', key, change(target, { op: 'setNotNull', notNull: target.notNull }));
    }
    diffChecks(ctx, key, liveKey, target, live);
    ctx.comment('domain', ref, target.comment, live.comment, target.origin);
  }
  ctx.liveOnly('domain', ctx.matched(DOMAINS), () => 'domain');
}
