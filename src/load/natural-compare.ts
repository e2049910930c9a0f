const RUNS = /\d+|\D+/g;

/** Compares two runs of decimal digits by numeric value without overflowing on long runs. */
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Natural, numeric-aware order ("2_x" before "10_x") that does not depend on the machine's locale,
 * so the same folder always loads in the same order. Letters compare case-insensitively first;
 * remaining ties fall back to plain code-unit order, which makes the order total.
 */
export function naturalCompare(a: string, b: string): number {
  const ra = a.match(RUNS) ?? [];
  const rb = b.match(RUNS) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    const xDigit = /^\d/.test(x);
    const yDigit = /^\d/.test(y);
    let c: number;
    if (xDigit && yDigit) c = compareDigits(x, y);
    else if (xDigit !== yDigit) c = xDigit ? -1 : 1;
    else c = compareCodeUnits(x.toLowerCase(), y.toLowerCase());
    if (c !== 0) return c;
  }
  if (ra.length !== rb.length) return ra.length - rb.length;
  return compareCodeUnits(a, b);
}
