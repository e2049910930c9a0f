import { quoteIdent } from '../names.js';

/** `a, "B", c`: a comma-separated list of identifiers, each through the one quoting function. */
export function identListSql(names: readonly string[]): string {
  return names.map(quoteIdent).join(', ');
}

/** `(a, b)` — column lists in constraints, INCLUDE and UPDATE OF need the parentheses. */
export function parenIdentListSql(names: readonly string[]): string {
  return `(${identListSql(names)})`;
}
