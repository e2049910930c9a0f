import { qualify, quoteLiteral } from '../names.js';
import type { EnumDef } from '../objects.js';

/** `CREATE TYPE s.t AS ENUM ('a', 'b')`; labels are string literals, not identifiers, in order. */
export function createEnumSql(def: EnumDef): string {
  return `CREATE TYPE ${qualify(def)} AS ENUM (${def.values.map(quoteLiteral).join(', ')})`;
}
