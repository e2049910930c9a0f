import { qualify, quoteLiteral } from '../names.js';
import type { CollationDef } from '../objects.js';

/**
 * `CREATE COLLATION s.c (provider = .., locale | lc_collate, lc_ctype, deterministic = false)`,
 * in pg_dump's order; `LOCALE` stands for equal LC_COLLATE and LC_CTYPE.
 */
export function createCollationSql(c: CollationDef): string {
  const opts = [`provider = ${c.provider}`];
  if (!c.deterministic) opts.push('deterministic = false');
  if (c.provider === 'libc') {
    if (c.lcCollate === c.lcCtype) opts.push(`locale = ${quoteLiteral(c.lcCollate ?? '')}`);
    else opts.push(`lc_collate = ${quoteLiteral(c.lcCollate ?? '')}`, `lc_ctype = ${quoteLiteral(c.lcCtype ?? '')}`);
  } else opts.push(`locale = ${quoteLiteral(c.locale ?? '')}`);
  return `CREATE COLLATION ${qualify(c)} (${opts.join(', ')})`;
}
