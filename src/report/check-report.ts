import type { Difference } from '../diff/difference.js';

/** What `check` found, for rendering. */
export interface CheckReport {
  readonly target: string;
  readonly database: string;
  readonly objectsCompared: number;
  readonly differences: readonly Difference[];
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
  lines.push(
    n === 0
      ? `in sync: ${r.objectsCompared} objects compared, no differences`
      : `${n} difference${n === 1 ? '' : 's'} (${count('missing')} missing, ${count('extra')} extra, ${count('different')} different) in ${r.objectsCompared} objects compared`,
  );
  return lines.join('\n') + '\n';
}

/** Machine-readable check result (stable field names; `origin` only on target-side objects). */
export function renderCheckJson(r: CheckReport): string {
  return JSON.stringify({ version: 1, inSync: r.differences.length === 0, ...r }, null, 2) + '\n';
}
