import { qualify } from '../../model/names.js';
import type { Mutable } from '../../model/mutable.js';
import type { DomainCheck, DomainDef } from '../../model/objects.js';
import type { Ddl, DomainCheckSpec } from '../../parse/ddl.js';
import { coerceConstantDefault } from '../../parse/index.js';
import type { ReplayContext } from '../context.js';
import type { Draft } from '../draft.js';
import { chooseName } from '../naming.js';
import { claimTypeName } from './type-users.js';

type CreateDomain = Extract<Ddl, { kind: 'createDomain' }>;
type AlterDomain = Extract<Ddl, { kind: 'alterDomain' }>;

/** Checks in name order: the order PostgreSQL evaluates them in and pg_dump prints them. */
function byName(checks: readonly DomainCheck[]): DomainCheck[] {
  return [...checks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A check added to a domain. An unnamed one is named like ChooseConstraintName does for domains:
 * `<domain>_check`, then `_check1`, ..., free among all constraints of the schema (tables' too).
 */
function addCheck(ctx: ReplayContext, dom: DomainDef, spec: DomainCheckSpec): DomainDef | undefined {
  const d = ctx.draft;
  const name = spec.name ?? chooseName(dom.name, undefined, 'check', (n) => d.constraintNameExists(dom.schema, n));
  if (dom.checks.some((c) => c.name === name)) {
    ctx.error(`constraint "${name}" for domain ${qualify(dom)} already exists`);
    return undefined;
  }
  d.trackConstraintName(dom.schema, name, 1);
  const check: DomainCheck = { name, expression: spec.expression, expressionSql: spec.expressionSql, validated: !spec.notValid };
  return { ...dom, checks: byName([...dom.checks, check]) };
}

/** CREATE DOMAIN (it has no IF NOT EXISTS). */
export function createDomain(ctx: ReplayContext, s: CreateDomain): void {
  const d = ctx.draft;
  const key = ctx.key(s.domain);
  const schema = ctx.schemaOf(s.domain);
  if (!d.schemas.has(schema)) return ctx.error(`schema "${schema}" does not exist`);
  const shell = claimTypeName(d, key);
  if (!shell) return ctx.error(`type ${key} already exists`);
  const baseType = ctx.typeText(s.baseType);
  const dom: Mutable<DomainDef> = { schema, name: s.domain.name, baseType, notNull: s.notNull, checks: [], ...shell };
  if (s.collation !== undefined) dom.collation = s.collation;
  // A domain over a domain starts with a copy of that domain's default (DefineDomain copies it).
  const inherited = d.domains.get(baseType);
  if (s.default !== undefined) {
    dom.default = coerceConstantDefault(s.default, baseType, s.defaultSql);
    if (s.defaultSql !== undefined) dom.defaultSql = s.defaultSql;
  } else if (inherited?.default !== undefined) {
    dom.default = inherited.default;
    if (inherited.defaultSql !== undefined) dom.defaultSql = inherited.defaultSql;
  }
  dom.origin = ctx.origin;
  let built: DomainDef | undefined = dom;
  for (const spec of s.checks) {
    built = addCheck(ctx, built, spec);
    if (!built) return;
  }
  d.domains.set(key, built);
}

/**
 * PostgreSQL checks existing values only in columns of the domain itself: with an array column of
 * it, ADD CONSTRAINT (validated) and VALIDATE CONSTRAINT fail. Reports that; true when refused.
 */
function arrayUserRefused(ctx: ReplayContext, dom: DomainDef, key: string): boolean {
  for (const t of ctx.draft.tables.values()) {
    const c = t.columns.find((x) => x.type === `${key}[]`);
    if (c) {
      ctx.error(`cannot alter type "${dom.name}" because column "${t.name}.${c.name}" uses it`);
      return true;
    }
  }
  return false;
}

/** ALTER DOMAIN: default, NOT NULL, and CHECK constraints (add, drop, validate). */
export function alterDomain(ctx: ReplayContext, s: AlterDomain): void {
  const d = ctx.draft;
  const key = ctx.key(s.domain);
  const dom = d.domains.get(key);
  if (!dom) return ctx.error(`type ${key} does not exist`);
  const cmd = s.command;
  let next: DomainDef | undefined;
  switch (cmd.op) {
    case 'setDefault': {
      const { default: _d, defaultSql: _w, ...rest } = dom;
      next = cmd.expression === null
        ? rest
        : { ...rest, default: coerceConstantDefault(cmd.expression, dom.baseType, cmd.expressionSql), ...(cmd.expressionSql !== undefined ? { defaultSql: cmd.expressionSql } : {}) };
      break;
    }
    case 'setNotNull':
    case 'dropNotNull':
      next = { ...dom, notNull: cmd.op === 'setNotNull' };
      break;
    case 'addCheck':
      if (!cmd.check.notValid && arrayUserRefused(ctx, dom, key)) return;
      next = addCheck(ctx, dom, cmd.check);
      break;
    case 'dropConstraint': {
      if (!dom.checks.some((c) => c.name === cmd.name)) {
        if (!cmd.ifExists) ctx.error(`constraint "${cmd.name}" of domain "${dom.name}" does not exist`);
        return;
      }
      d.trackConstraintName(dom.schema, cmd.name, -1);
      next = { ...dom, checks: dom.checks.filter((c) => c.name !== cmd.name) };
      break;
    }
    case 'validateConstraint':
      if (!dom.checks.some((c) => c.name === cmd.name)) return ctx.error(`constraint "${cmd.name}" of domain "${dom.name}" does not exist`);
      if (arrayUserRefused(ctx, dom, key)) return;
      next = { ...dom, checks: dom.checks.map((c) => (c.name === cmd.name ? { ...c, validated: true } : c)) };
      break;
    case 'unsupported':
      return ctx.warn(`not modelled: ${cmd.what}`);
  }
  if (next) d.domains.set(key, next);
}

/** ALTER DOMAIN .. RENAME CONSTRAINT (no history event: the diff matches domain checks by name and expression). */
export function renameDomainCheck(ctx: ReplayContext, key: string, from: string, to: string): void {
  const d = ctx.draft;
  const dom = d.domains.get(key);
  if (!dom) return ctx.error(`type ${key} does not exist`);
  if (!dom.checks.some((c) => c.name === from)) return ctx.error(`constraint "${from}" for domain "${dom.name}" does not exist`);
  if (dom.checks.some((c) => c.name === to)) return ctx.error(`constraint "${to}" for domain "${dom.name}" already exists`);
  d.trackConstraintName(dom.schema, from, -1);
  d.trackConstraintName(dom.schema, to, 1);
  d.domains.set(key, { ...dom, checks: byName(dom.checks.map((c) => (c.name === from ? { ...c, name: to } : c))) });
}
