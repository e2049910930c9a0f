import { columnsInExpression, expandExpressionStars, normalizeExpression, renameInTableExpression, type ViewRename } from '../../parse/index.js';
import type { Draft } from '../draft.js';
import { columnsOf } from './draft-columns.js';
import type { Mutable } from '../../model/mutable.js';
import type { PolicyDef, TableDef } from '../../model/objects.js';
import { policyKey, relationKey } from '../../model/schema-state.js';
import type { Ddl, PolicyRole } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';

type CreatePolicy = Extract<Ddl, { kind: 'createPolicy' }>;
type AlterPolicy = Extract<Ddl, { kind: 'alterPolicy' }>;

/**
 * The model's role list: empty for PUBLIC (PostgreSQL keeps only PUBLIC when it is named with
 * others, with a warning), else the names sorted. `CURRENT_USER` and friends resolve to whoever
 * runs the migration, which replay cannot know: undefined, and the caller warns.
 */
function modelRoles(roles: readonly PolicyRole[]): string[] | undefined {
  if (roles.some((r) => 'keyword' in r && r.keyword === 'public')) return [];
  if (roles.some((r) => 'keyword' in r)) return undefined;
  return [...new Set(roles.map((r) => (r as { name: string }).name))].sort();
}

/** PostgreSQL's own refusals of clauses that do not fit the command. */
function clauseError(command: PolicyDef['command'], using: boolean, withCheck: boolean): string | undefined {
  if (withCheck && (command === 'select' || command === 'delete')) return 'WITH CHECK cannot be applied to SELECT or DELETE';
  if (using && command === 'insert') return 'only WITH CHECK expression allowed for INSERT';
  return undefined;
}

type Clauses = Pick<CreatePolicy, 'using' | 'usingSql' | 'withCheck' | 'withCheckSql'>;

/**
 * The clauses with `*` of their sub-selects expanded into the columns the relations have now:
 * PostgreSQL stores the expansion (a column added later does not join it), and pg_get_expr prints it.
 */
function withStarsExpanded<T extends Clauses>(d: Draft, table: TableDef, s: T): T {
  const out: Mutable<T> = { ...s };
  const expand = (canonical: string | undefined, written: string | undefined): [string, string] | undefined => {
    const text = written ?? canonical;
    const expanded = text?.includes('*') ? expandExpressionStars(text, columnsOf(d)) : undefined;
    return expanded === undefined ? undefined : [normalizeExpression(expanded, [table.name]), expanded];
  };
  const using = expand(s.using, s.usingSql);
  if (using) [out.using, out.usingSql] = using;
  const check = expand(s.withCheck, s.withCheckSql);
  if (check) [out.withCheck, out.withCheckSql] = check;
  return out;
}

/** The USING / WITH CHECK clauses a CREATE POLICY gives, canonical and written. */
function clauses(s: CreatePolicy): Partial<PolicyDef> {
  const out: Partial<Mutable<PolicyDef>> = {};
  if (s.using !== undefined) out.using = s.using;
  if (s.usingSql !== undefined) out.usingSql = s.usingSql;
  if (s.withCheck !== undefined) out.withCheck = s.withCheck;
  if (s.withCheckSql !== undefined) out.withCheckSql = s.withCheckSql;
  return out;
}

const missingPolicy = (name: string, table: string): string => `policy "${name}" for table "${table}" does not exist`;

/** CREATE POLICY on a table. */
export function createPolicy(ctx: ReplayContext, s: CreatePolicy): void {
  const table = ctx.table(s.table);
  if (!table) return;
  const key = policyKey(table.schema, table.name, s.name);
  if (ctx.draft.policies.has(key)) return ctx.error(`policy "${s.name}" for table "${table.name}" already exists`);
  const bad = clauseError(s.command, s.using !== undefined, s.withCheck !== undefined);
  if (bad) return ctx.error(bad);
  const roles = modelRoles(s.roles);
  if (!roles) return ctx.warn('not modelled: CREATE POLICY .. TO CURRENT_USER / CURRENT_ROLE / SESSION_USER (the role is whoever runs the migration)');
  ctx.draft.policies.set(key, {
    schema: table.schema, table: table.name, name: s.name, permissive: s.permissive, command: s.command, roles,
    ...clauses(withStarsExpanded(ctx.draft, table, s)), origin: ctx.origin,
  });
}

/** ALTER POLICY .. TO / USING / WITH CHECK: each clause given replaces the policy's. */
export function alterPolicy(ctx: ReplayContext, given: AlterPolicy): void {
  const table = ctx.table(given.table);
  if (!table) return;
  const s = withStarsExpanded(ctx.draft, table, given);
  const key = policyKey(table.schema, table.name, s.name);
  const p = ctx.draft.policies.get(key);
  if (!p) return ctx.error(missingPolicy(s.name, table.name));
  const bad = clauseError(p.command, s.using !== undefined, s.withCheck !== undefined);
  if (bad) return ctx.error(bad);
  const roles = s.roles === undefined ? p.roles : modelRoles(s.roles);
  if (!roles) return ctx.warn('not modelled: ALTER POLICY .. TO CURRENT_USER / CURRENT_ROLE / SESSION_USER (the role is whoever runs the migration)');
  const next: Mutable<PolicyDef> = { ...p, roles, origin: ctx.origin };
  if (s.using !== undefined) {
    next.using = s.using;
    if (s.usingSql !== undefined) next.usingSql = s.usingSql;
    else delete next.usingSql;
  }
  if (s.withCheck !== undefined) {
    next.withCheck = s.withCheck;
    if (s.withCheckSql !== undefined) next.withCheckSql = s.withCheckSql;
    else delete next.withCheckSql;
  }
  ctx.draft.policies.set(key, next);
}

/** ALTER POLICY .. RENAME TO. */
export function renamePolicy(ctx: ReplayContext, table: TableDef, from: string, to: string): void {
  const d = ctx.draft;
  const key = policyKey(table.schema, table.name, from);
  const p = d.policies.get(key);
  if (!p) return ctx.error(missingPolicy(from, table.name));
  if (d.policies.has(policyKey(table.schema, table.name, to))) return ctx.error(`policy "${to}" for table "${table.name}" already exists`);
  d.policies.delete(key);
  d.policies.set(policyKey(table.schema, table.name, to), { ...p, name: to });
  const ref = { schema: table.schema, parent: table.name };
  d.history.push({ event: 'rename', object: 'policy', from: { ...ref, name: from }, to: { ...ref, name: to }, origin: ctx.origin });
}

/** DROP POLICY [IF EXISTS] name ON table. */
export function dropPolicy(ctx: ReplayContext, table: TableDef, name: string, ifExists: boolean): void {
  if (!ctx.draft.policies.delete(policyKey(table.schema, table.name, name))) {
    if (!ifExists) ctx.error(missingPolicy(name, table.name));
    return;
  }
  ctx.draft.history.push({ event: 'drop', object: 'policy', ref: { schema: table.schema, name, parent: table.name }, origin: ctx.origin });
}

/** A table's policies move with it (rename, SET SCHEMA): re-keyed under its new name. */
export function movePolicies(ctx: ReplayContext, from: { schema: string; name: string }, to: { schema: string; name: string }): void {
  const d = ctx.draft;
  for (const [k, p] of [...d.policies.entriesReferencing(relationKey(from.schema, from.name))]) {
    d.policies.delete(k);
    d.policies.set(policyKey(to.schema, to.name, p.name), { ...p, schema: to.schema, table: to.name });
  }
}

/** Does a policy's USING or WITH CHECK mention the column? */
export function policyMentions(p: PolicyDef, column: string): boolean {
  return [p.using, p.withCheck].some((e) => e !== undefined && columnsInExpression(e).includes(column));
}

/** The policies of a table that mention a column. */
export function policiesUsing(ctx: ReplayContext, table: TableDef, column: string): [string, PolicyDef][] {
  return [...ctx.draft.policies.entriesReferencing(relationKey(table.schema, table.name))].filter(([, p]) => policyMentions(p, column));
}

/**
 * Follows a rename (a relation, or a column of one) into every policy expression that uses it:
 * PostgreSQL's stored trees reference tables and columns by OID and attnum, so pg_get_expr prints
 * the new names. The written text is rewritten and the canonical text derived from it (the
 * canonical text drops qualifiers, which a subquery may need to tell columns apart). Call after
 * the draft has the renamed object; `from` is the policy table's name before a rename of it.
 */
export function followRenameInPolicies(d: Draft, rename: ViewRename): void {
  for (const [k, p] of d.policies) {
    // Cheap pre-check: an expression that uses the object has its name in its text (a column of
    // the policy's own table appears unqualified).
    const texts = [p.using, p.usingSql, p.withCheck, p.withCheckSql];
    if (!texts.some((t) => t !== undefined && t.includes(rename.from))) continue;
    const ownRenamed = rename.kind === 'relation' && p.schema === rename.schema && p.table === rename.to;
    const table = { schema: p.schema, name: ownRenamed ? rename.from : p.table };
    const re = (e: string | undefined): string | undefined => (e === undefined ? undefined : renameInTableExpression(e, table, rename, columnsOf(d)));
    const out: Mutable<PolicyDef> = { ...p };
    const using = re(p.usingSql ?? p.using);
    if (using !== undefined) {
      out.using = normalizeExpression(using, [p.table]);
      if (p.usingSql !== undefined) out.usingSql = using;
    }
    const check = re(p.withCheckSql ?? p.withCheck);
    if (check !== undefined) {
      out.withCheck = normalizeExpression(check, [p.table]);
      if (p.withCheckSql !== undefined) out.withCheckSql = check;
    }
    if (using !== undefined || check !== undefined) d.policies.set(k, out);
  }
}
