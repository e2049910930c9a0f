import { quoteIdent, quoteLiteral } from '../names.js';

/**
 * ` WITH (name='value', ...)` for storage parameters kept as `name=value` text (see
 * `IndexDef.options`), or '' when there are none. Values are always quoted: PostgreSQL accepts a
 * string for every parameter type and stores the same text.
 */
export function withOptionsSql(options: readonly string[] | undefined): string {
  if (!options?.length) return '';
  const parts = options.map((o) => {
    const eq = o.indexOf('=');
    const name = eq < 0 ? o : o.slice(0, eq);
    const value = eq < 0 ? 'true' : o.slice(eq + 1);
    return `${name.split('.').map(quoteIdent).join('.')}=${quoteLiteral(value)}`;
  });
  return ` WITH (${parts.join(', ')})`;
}
