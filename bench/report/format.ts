/** Number formatting for the benchmark report. */
import type { Summary } from '../support/stats.js';

/** Seconds with two decimals (or ms below 0.1 s). */
export function seconds(ms: number): string {
  return ms < 100 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** "median (min–max)" of a timing summary. */
export function timing(s: Summary | undefined): string {
  if (!s) return '–';
  return s.runs > 1 ? `${seconds(s.median)} (${seconds(s.min)}–${seconds(s.max)})` : seconds(s.median);
}

/** A ratio such as 1.23x. */
export function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined || b === 0 ? '–' : `${(a / b).toFixed(a / b < 10 ? 2 : 0)}x`;
}

/** Megabytes, rounded. */
export function megabytes(mb: number | undefined): string {
  return mb === undefined ? '–' : `${mb.toFixed(0)} MB`;
}

/** A markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
