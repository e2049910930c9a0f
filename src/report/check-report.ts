import type { Difference } from '../diff/difference.js';
import type { AlembicStatus } from '../plan/alembic-position.js';
import { alembicPositionLine, alembicStampLine } from './alembic-text.js';
import { inSync, type Verdict } from '../plan/verdict.js';

/** What `check` found, for rendering. */
export interface CheckReport {
  readonly target: string;
  readonly database: string;
  readonly objectsCompared: number;
  readonly differences: readonly Difference[];
  /** Where the database stands per alembic_version (histories with revision ids). */
  readonly alembic?: AlembicStatus;
  /** The plan's verdict on the same database (what plan and apply --strict exit by). */
  readonly verdict?: Verdict;
}

/** In sync: no schema difference, and nothing the plan would do or leave for a person. */
function checkInSync(r: CheckReport): boolean {
  return r.differences.length === 0 && (!r.verdict || inSync(r.verdict));
}

/** Why a database with no schema difference is still not in sync: the stamp, data statements, what the plan finds. */
export function beyondSchema(r: CheckReport): string[] {
  const v = r.verdict;
  if (!v || r.differences.length || inSync(v)) return [];
  const out: string[] = [];
  if (v.stamp && r.alembic) out.push(alembicStampLine(r.alembic));
  if (v.dataNotRun) out.push(`${v.dataNotRun} data statement${v.dataNotRun === 1 ? '' : 's'} of the history that may change rows ${v.dataNotRun === 1 ? 'is' : 'are'} not run by schema-sync (plan lists them)`);
  const planned = v.pending + v.skipped + v.drift + v.unmanaged;
  if (planned) out.push(`plan finds ${planned} item${planned === 1 ? '' : 's'} (${v.pending} pending, ${v.skipped} skipped, ${v.drift} drift, ${v.unmanaged} unmanaged)`);
  return out;
}

function show(v: unknown): string {
  if (v === undefined) return '(none)';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function where(d: Difference): string {
  const o = d.origin;
  return o ? `  (${o.file}:${o.line}${o.revision ? `, revision ${o.revision}` : ''})` : '';
}

/** Human-readable check result: one line per difference (attributes indented), then a summary. */
export function renderCheckText(r: CheckReport): string {
  const lines: string[] = [];
  for (const d of r.differences) {
    const label = d.kind === 'missing' ? 'missing  ' : d.kind === 'extra' ? 'extra    ' : 'different';
    lines.push(`${label} ${d.object} ${d.name}${where(d)}`);
    for (const a of d.attributes ?? []) lines.push(`    ${a.attribute}: target ${show(a.target)}, live ${show(a.live)}`);
  }
  const count = (k: Difference['kind']): number => r.differences.filter((d) => d.kind === k).length;
  const n = r.differences.length;
  const beyond = beyondSchema(r);
  lines.push(
    n === 0 && beyond.length
      ? `not in sync: no schema difference in ${r.objectsCompared} objects compared, but:\n${beyond.map((l) => `  ${l}`).join('\n')}`
      : n === 0
      ? `in sync: ${r.objectsCompared} objects compared, no differences`
      : `${n} difference${n === 1 ? '' : 's'} (${count('missing')} missing, ${count('extra')} extra, ${count('different')} different) in ${r.objectsCompared} objects compared`,
  );
  // A database Alembic never touched gets no line: check only reports where one stands.
  if (r.alembic && r.alembic.current !== null) lines.push(alembicPositionLine(r.alembic));
  return lines.join('\n') + '\n';
}

/** Machine-readable check result (stable field names; `origin` only on target-side objects). */
export function renderCheckJson(r: CheckReport): string {
  const alembic = r.alembic ? { alembic: { current: r.alembic.current, unknown: r.alembic.unknown, pending: r.alembic.pending, heads: r.alembic.heads, position: alembicPositionLine(r.alembic) } } : {};
  return JSON.stringify({ version: 1, inSync: checkInSync(r), ...r, ...alembic }, null, 2) + '\n';
}
