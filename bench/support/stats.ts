/** Median and range of repeated measurements. */

/** Summary of several runs of one measurement (milliseconds, or MB for memory). */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** Median, min and max of a non-empty list. */
export function summarize(values: readonly number[]): Summary {
  if (!values.length) throw new Error('no measurements');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: values.length };
}
