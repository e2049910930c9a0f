import { qualify } from '../../model/names.js';
import type { Mutable } from '../../model/mutable.js';
import type { DomainCheck, DomainDef } from '../../model/objects.js';
import type { Ddl, DomainCheckSpec } from '../../parse/ddl.js';
import { coerceConstantDefault } from '../../parse/index.js';
import type { ReplayContext } from '../context.js';
import type { Draft } from '../draft.js';
import { chooseName } from '../naming.js';

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

/** Whether a type name is taken in the schema: by an enum, a domain, or a table's or view's row type. */
export function typeExists(d: Draft, key: string): boolean {
  return d.enums.has(key) || d.domains.has(key) || d.tables.has(key) || d.views.has(key);
}

/** CREATE DOMAIN (it has no IF NOT EXISTS). */
export function createDomain(ctx: ReplayContext, s: CreateDomain): void {
  const d = ctx.draft;
  const key = ctx.key(s.domain);
  const schema = ctx.schemaOf(s.domain);
  if (!d.schemas.has(schema)) return ctx.error(`schema "${schema}" does not exist`);
  if (typeExists(d, key)) return ctx.error(`type ${key} already exists`);
  const baseType = ctx.typeText(s.baseType);
  const dom: Mutable<DomainDef> = { schema, name: s.domain.name, baseType, notNull: s.notNull, checks: [] };
  if (s.collation !== undefined) dom.collation = s.collation;
  // A domain over a domain starts with a copy of that domain's default (DefineDomain copies it).
  const inherited = d.domains.get(baseType);
  if (s.default !== undefined) {
    dom.default = coerceConstantDefault(s.default, baseType);
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
        : { ...rest, default: coerceConstantDefault(cmd.expression, dom.baseType), ...(cmd.expressionSql !== undefined ? { defaultSql: cmd.expressionSql } : {}) };
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

/** Does a type text name the type `key` (itself or an array of it)? */
const isOfType = (type: string, key: string): boolean => type === key || type === `${key}[]`;

/** The tables with a column of type `key` and the domains based on it: what a DROP must cascade to. */
export function typeUsers(d: Draft, key: string): { tables: string[]; domains: string[] } {
  const tables = [...d.tables.entries()].filter(([, t]) => t.columns.some((c) => isOfType(c.type, key))).map(([k]) => k);
  const domains = [...d.domains.entries()].filter(([, x]) => isOfType(x.baseType, key)).map(([k]) => k);
  return { tables, domains };
}

/** After a type is renamed or moved, columns and domains of it carry its new name (PostgreSQL stores the oid). */
export function retypeUsers(d: Draft, from: string, to: string): void {
  const swap = (type: string): string => (type === from ? to : type === `${from}[]` ? `${to}[]` : type);
  for (const [k, t] of d.tables) {
    const fixed = t.columns.map((c) => (isOfType(c.type, from) ? { ...c, type: swap(c.type) } : c));
    if (fixed.some((c, i) => c !== t.columns[i])) d.tables.set(k, { ...t, columns: fixed });
  }
  for (const [k, x] of d.domains) if (isOfType(x.baseType, from)) d.domains.set(k, { ...x, baseType: swap(x.baseType) });
}

/** Removes a domain and (with CASCADE) the columns and domains of its type, as DROP DOMAIN .. CASCADE does. */
export function dropDomain(ctx: ReplayContext, key: string, cascade: boolean): boolean {
  const d = ctx.draft;
  const dom = d.domains.get(key);
  if (!dom) return false;
  const users = typeUsers(d, key);
  if (!cascade && (users.tables.length || users.domains.length)) {
    const what = users.tables.length ? `table ${d.tables.get(users.tables[0]!)!.name}` : `type ${users.domains[0]!}`;
    ctx.error(`cannot drop type ${key} because ${what} depends on it`);
    return true;
  }
  for (const k of users.domains) dropDomain(ctx, k, true);
  for (const k of users.tables) {
    const t = d.tables.get(k)!;
    ctx.putTable({ ...t, columns: t.columns.filter((c) => !isOfType(c.type, key)) });
  }
  for (const c of dom.checks) d.trackConstraintName(dom.schema, c.name, -1);
  d.domains.delete(key);
  d.history.push({ event: 'drop', object: 'domain', ref: { schema: dom.schema, name: dom.name }, origin: ctx.origin });
  return true;
}
