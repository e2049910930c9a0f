import { qualify, quoteIdent } from '../names.js';
import type { RuleDef } from '../objects.js';

/**
 * `CREATE [OR REPLACE] RULE name AS ON event TO s.t [WHERE cond] DO [ALSO|INSTEAD] actions`, from
 * the written (or printed) condition and actions: the canonical text drops casts and qualifiers
 * PostgreSQL needs to resolve the same objects.
 */
export function createRuleSql(r: RuleDef, orReplace = false): string {
  let sql = `CREATE ${orReplace ? 'OR REPLACE ' : ''}RULE ${quoteIdent(r.name)} AS ON ${r.event.toUpperCase()} TO ${qualify({ schema: r.schema, name: r.table })}`;
  const where = r.whereSql ?? r.where;
  if (where !== undefined) sql += ` WHERE ${where}`;
  sql += ` DO ${r.instead ? 'INSTEAD' : 'ALSO'} ${r.actionsSql ?? (r.actions === '' ? 'NOTHING' : `(${r.actions})`)}`;
  return sql;
}
