import { describeChange } from '../diff/describe-change.js';
import type { DataStatement } from '../model/data-statement.js';
import { qualify } from '../model/names.js';
import type { NotRunStatement } from '../plan/data-report.js';
import type { Plan } from '../plan/types.js';
import { PLAIN, type Style } from './style.js';

/** The heading users look for; the guide's section has the same name. */
export const DATA_HEADING = 'Data statements not run by schema-sync';

/** `UPDATE public.package (reads public.package_extra)`. */
export function dataSubject(d: DataStatement): string {
  const reads = d.reads.map((r) => qualify(r.final));
  const calls = d.calls.map((c) => `${c}()`);
  const target = d.target ? ` ${qualify(d.target.final)}` : '';
  const extra = [...(reads.length ? [`reads ${reads.join(', ')}`] : []), ...(calls.length ? [`calls ${calls.join(', ')}`] : [])];
  return `${d.verb}${target}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}

/** The statement on one line, cut at `max` characters. */
export function oneLine(sql: string, max = 100): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** `file:line (revision X, pending)`. */
export function dataWhere(n: NotRunStatement): string {
  const o = n.statement.origin;
  const rev = o.revision ? `revision ${o.revision}${n.pending ? ', pending' : n.pending === false ? ', already run per alembic_version' : ''}` : '';
  return `${o.file}:${o.line}${rev ? ` (${rev})` : ''}`;
}

/** `after add column ..; before drop table .. (skipped)`: where the history runs it relative to this plan. */
export function dataOrder(n: NotRunStatement, plan: Plan, max = 3): string {
  const name = (r: NotRunStatement['related'][number]): string => {
    const c = r.skipped ? plan.skipped[r.index]! : plan.changes[r.index]!;
    const d = describeChange(c);
    return `${d.action} ${d.object} ${d.name}${r.skipped ? ' (skipped)' : ''}`;
  };
  // Indexes, triggers and comments say little about rows: the story is told by tables, columns, constraints and drops.
  const telling = n.related.filter((r) => {
    const kind = (r.skipped ? plan.skipped[r.index]! : plan.changes[r.index]!).kind;
    return kind !== 'createIndex' && kind !== 'createTrigger' && kind !== 'setComment' && kind !== 'createView';
  });
  const list = (xs: string[]): string => (xs.length > max ? `${xs.slice(0, max).join(', ')} and ${xs.length - max} more` : xs.join(', '));
  const after = telling.filter((r) => !r.before).map(name);
  const before = telling.filter((r) => r.before).map(name);
  return [after.length ? `after ${list(after)}` : '', before.length ? `before ${list(before)}` : ''].filter(Boolean).join('; ');
}

/** `4 INSERTs`, `3 INSERTs, 1 UPDATE and 2 DELETEs`: the seed statements by verb, in order of first use. */
function verbCounts(list: readonly DataStatement[]): string {
  const counts = new Map<string, number>();
  for (const d of list) counts.set(d.verb, (counts.get(d.verb) ?? 0) + 1);
  const parts = [...counts].map(([verb, n]) => `${n} ${verb}${n === 1 ? '' : 's'}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts.join('');
}

/** The plan text's section on data statements (empty when there is none). */
export function renderDataSection(plan: Plan, s: Style = PLAIN): string[] {
  const notRun = plan.data?.notRun ?? [];
  const seeded = plan.data?.seeded ?? [];
  const out: string[] = [];
  if (seeded.length) {
    const tables = [...new Set(seeded.map((d) => (d.target ? qualify(d.target.final) : '')))].join(', ');
    out.push('', s.info(`ℹ seed rows: ${verbCounts(seeded)} of the history run right after the table${tables.includes(',') ? 's' : ''} ${tables} ${tables.includes(',') ? 'are' : 'is'} created (--no-seed to leave them out)`));
    for (const d of seeded) out.push(`  ${s.dim('·')} ${dataSubject(d)}  ${s.dim(`${d.origin.file}:${d.origin.line}${d.origin.revision ? ` (revision ${d.origin.revision})` : ''}`)}`);
  }
  if (!notRun.length) return out;
  const counted = notRun.filter((n) => n.effect === 'rows').length;
  out.push('', s.warn(`⚠ ${DATA_HEADING}: ${notRun.length} (${counted} may change rows; run them where the history does, see "Data statements" in docs/SCHEMA_SYNC_GUIDE.md)`));
  for (const n of notRun) {
    const mark = n.effect === 'rows' ? s.warn('⚠') : s.dim('·');
    out.push(`  ${mark} ${dataSubject(n.statement)}  ${s.dim(dataWhere(n))}`);
    out.push(`      ${s.dim(oneLine(n.statement.sql))}`);
    const order = dataOrder(n, plan);
    if (n.effect === 'none') out.push(`      ${s.dim('no rows to change: this plan creates the table empty')}`);
    else if (order) out.push(`      in the history: ${order}`);
    if (n.notSeeded) out.push(`      ${s.dim(`${n.statement.verb === 'INSERT' ? 'not run as a seed row' : 'not run with the seed rows'}: ${n.notSeeded}`)}`);
  }
  return out;
}

/**
 * Under each destructive change (planned or skipped), the data statements the history runs
 * before it that schema-sync does not run (keyed `skipped:index`): a drop right after the UPDATE
 * that copied its data away should never be read without that UPDATE.
 */
export function dataBefore(plan: Plan, s: Style = PLAIN): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of plan.data?.notRun ?? []) {
    if (n.effect !== 'rows') continue;
    for (const r of n.related) {
      const c = r.skipped ? plan.skipped[r.index]! : plan.changes[r.index]!;
      if (!r.before || c.safety !== 'destructive') continue;
      const key = `${r.skipped}:${r.index}`;
      const o = n.statement.origin;
      out.set(key, [...(out.get(key) ?? []), `      ${s.warn('↳')} the history runs ${dataSubject(n.statement)} (${o.file}:${o.line}) before this; schema-sync does not run it`]);
    }
  }
  return out;
}
