import type { PolicyDef, TableDef } from '../../model/objects.js';
import { policyKey, relationKey } from '../../model/schema-state.js';
import type { Change } from '../../diff/change.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { differs } from '../../diff/diff-context.js';
import type { LiveNames } from '../../diff/live-names.js';
import { renameColumnsInExpression } from '../../diff/live-names.js';
import { originField } from '../../diff/make-change.js';
import { columnsInExpression } from '../../parse/index.js';
import { pairObjects, type EarlierKey } from '../../diff/pairing.js';
import { HistoryIndex, nameSpec, pastNames } from '../../diff/past-names.js';
import { drop } from '../drop/drop-change.js';
import { rename } from '../rename/rename-change.js';
import { TABLES } from '../table/table-match.js';

/**
 * Why every row-level security change is at least `review`: the plan cannot tell in general
 * whether a change widens or narrows who sees which rows (a new PERMISSIVE policy widens access,
 * a new RESTRICTIVE one narrows it; ENABLE hides every row until a policy lets it through), and
 * either way it is a security decision a person should see. Changes on a table the plan creates
 * are safe: it has no rows and no readers yet.
 */
const rlsConcern = (newTable: boolean, widens: boolean): Pick<Change, 'concern'> =>
  newTable ? {} : { concern: widens ? 'weakens row-level security' : 'changes which rows roles see' };

/**
 * DISABLE or NO FORCE ROW LEVEL SECURITY on an existing table is `destructive` (planned only with
 * --allow-destructive): it opens every row of the table to every role with table privileges at
 * once, and a target without RLS often only means the migrations never said (a platform's
 * dashboard enabled it on the live table).
 */
const unprotects = (live: TableDef, enabled: boolean | undefined, forced: boolean | undefined): boolean =>
  (enabled === false && !!live.rowSecurity) || (forced === false && !!live.forceRowSecurity);

/** ENABLE / DISABLE and FORCE / NO FORCE ROW LEVEL SECURITY, only the flags that differ. */
function setRowSecurity(target: TableDef, live: TableDef | undefined): Change | undefined {
  const enabled = !!target.rowSecurity !== !!live?.rowSecurity ? !!target.rowSecurity : undefined;
  const forced = !!target.forceRowSecurity !== !!live?.forceRowSecurity ? !!target.forceRowSecurity : undefined;
  if (enabled === undefined && forced === undefined) return undefined;
  return {
    kind: 'setRowSecurity', table: { schema: target.schema, name: target.name },
    ...(enabled !== undefined ? { enabled } : {}), ...(forced !== undefined ? { forced } : {}),
    ...(live && unprotects(live, enabled, forced) ? { concern: 'opens every row' as const } : rlsConcern(live === undefined, false)),
    ...originField(target.origin),
  };
}

/** A live policy under target names: its table's, and its expressions' columns'. */
function underTargetNames(names: LiveNames, p: PolicyDef): PolicyDef {
  const table = { schema: p.schema, name: p.table };
  const to = names.relation(table);
  const renames = names.columnRenames(table);
  const out = { ...p, schema: to.schema, table: to.name };
  if (p.using !== undefined) out.using = renameColumnsInExpression(p.using, renames);
  if (p.withCheck !== undefined) out.withCheck = renameColumnsInExpression(p.withCheck, renames);
  return out;
}

/** Policies paired target-to-live, through the history's renames of them and of their tables. */
function pairPolicies(ctx: DiffContext, history: HistoryIndex) {
  return pairObjects(
    ctx.target.policies,
    ctx.live.policies,
    (_k, p): EarlierKey[] =>
      pastNames(history, nameSpec('policy'), { schema: p.schema, name: p.name, parent: p.table }).flatMap((n) =>
        n.ref.parent === undefined ? [] : [{ key: policyKey(n.ref.schema, n.ref.parent, n.ref.name), until: n.until }],
      ),
    (_k, p) => ctx.drops.find('policy', { schema: p.schema, name: p.name, parent: p.table }) !== undefined,
  );
}

const ref = (p: PolicyDef) => ({ schema: p.schema, name: p.name, parent: p.table });

/**
 * Row-level security: the tables' RLS flags, then policies: create, rename, ALTER POLICY in place
 * (roles, USING, WITH CHECK), drop and create where PostgreSQL cannot alter (the command and
 * PERMISSIVE / RESTRICTIVE are fixed at creation), comment, drop what the history dropped, and
 * report the rest as unmanaged. A live-only policy on a live-only table goes with the table.
 */
export function diffPolicies(ctx: DiffContext): void {
  const { out } = ctx;
  for (const { key, target } of ctx.matched(TABLES).created) {
    const c = setRowSecurity(target, undefined);
    if (c) out.add('table', key, c);
  }
  for (const { key, target, live } of ctx.matched(TABLES).pairs) {
    const c = setRowSecurity(target, live);
    if (c) out.add('table', key, c);
  }
  const created = new Set(ctx.matched(TABLES).created.map((t) => t.key));
  const onNewTable = (p: PolicyDef): boolean => created.has(relationKey(p.schema, p.table));
  const pairing = pairPolicies(ctx, new HistoryIndex(ctx.target.history));
  for (const { key, target } of pairing.created) {
    out.add('policy', key, createPolicy(target, onNewTable(target), false));
    ctx.comment('policy', ref(target), target.comment, undefined, target.origin);
  }
  for (const { key, target, live } of pairing.pairs) {
    if (live.name !== target.name) out.add('policy', key, rename('policy', { ...ref(target), name: live.name }, ref(target), target.origin));
    const normalized = underTargetNames(ctx.names, live);
    const differ = fixedAttributes(target, normalized);
    if (usesRetypedColumn(ctx, live)) differ.push('a column it uses changes type');
    if (differ.length) {
      const dropped = drop('policy', ref(target), 'replace', target.origin, undefined, differ);
      out.add('policy', key, { ...dropped, ...rlsConcern(false, true) });
      out.add('policy', key, createPolicy(target, false, true));
      ctx.comment('policy', ref(target), target.comment, undefined, target.origin);
      continue;
    }
    if (differs(target, normalized)) {
      out.add('policy', key, { kind: 'alterPolicy', policy: target, live: normalized, ...rlsConcern(false, true), ...originField(target.origin) });
    }
    ctx.comment('policy', ref(target), target.comment, live.comment, target.origin);
  }
  for (const { key, live } of pairing.liveOnly) ctx.liveOnlyPart('policy', 'policy', key, live, undefined, (c) => ({ ...c, ...rlsConcern(false, true) }));
}

/**
 * What ALTER POLICY cannot change: the command and PERMISSIVE / RESTRICTIVE are fixed at
 * creation, and a USING or WITH CHECK clause can be replaced but not removed.
 */
function fixedAttributes(target: PolicyDef, live: PolicyDef): string[] {
  const out: string[] = [];
  if (target.command !== live.command) out.push('command');
  if (target.permissive !== live.permissive) out.push('permissive');
  if (target.using === undefined && live.using !== undefined) out.push('using');
  if (target.withCheck === undefined && live.withCheck !== undefined) out.push('withCheck');
  return out;
}

/**
 * PostgreSQL refuses to change the type of a column a policy uses: such a policy is dropped
 * before the type change and created again after it (live names, as `retypedColumns` has them;
 * the diff of tables has run, so it is complete).
 */
function usesRetypedColumn(ctx: DiffContext, live: PolicyDef): boolean {
  const columns = [live.using, live.withCheck].flatMap((e) => (e === undefined ? [] : columnsInExpression(e)));
  return ctx.retypedColumns.some((r) => r.schema === live.schema && r.relation === live.table && r.column !== undefined && columns.includes(r.column));
}

/** CREATE POLICY (`replace`: after dropping the live one, which the command or kind kept from being altered). */
function createPolicy(policy: PolicyDef, newTable: boolean, replace: boolean): Change {
  return { kind: 'createPolicy', policy, replace, ...rlsConcern(newTable, policy.permissive), ...originField(policy.origin) };
}
