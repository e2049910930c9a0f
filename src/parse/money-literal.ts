/**
 * A string cast to money is converted when the statement is parsed and stored by value (in
 * cents), so `money '1.999'` comes back from the catalog as `'$2.00'::money`. The conversion
 * depends on the server's lc_monetary; this follows cash_in / cash_out for the C locale (and
 * en_US), two fraction digits, `$` and `,`.
 */

/** cash_in then cash_out: the money text PostgreSQL prints for a written literal, or undefined when it is not one. */
export function moneyLiteral(text: string): string | undefined {
  const m = /^\s*(\(|-)?\s*\$?\s*(\(|-)?\s*([0-9,]*)(?:\.([0-9]*))?\s*(\)|-)?\s*\$?\s*(\)|-)?\s*$/.exec(text);
  if (!m || !/[0-9]/.test((m[3] ?? '') + (m[4] ?? ''))) return undefined;
  const negative = [m[1], m[2], m[5], m[6]].some((s) => s !== undefined);
  const whole = (m[3] ?? '').replace(/,/g, '') || '0';
  const fraction = m[4] ?? '';
  // Digits past the second round the cents half up (cash_in looks at the third digit only).
  let cents = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  if ((fraction[2] ?? '0') >= '5') cents += 1n;
  const digits = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (cents % 100n).toString().padStart(2, '0');
  return `${negative && cents !== 0n ? '-' : ''}$${digits}.${rest}`;
}
