import { qualify, quoteIdent } from '../names.js';
import type { CompositeTypeDef, RangeTypeDef, TypeAttribute } from '../objects.js';

/** `name type [COLLATE c]`: an attribute of CREATE TYPE .. AS (...) or ADD ATTRIBUTE. */
export function attributeSql(a: TypeAttribute): string {
  return `${quoteIdent(a.name)} ${a.type}${a.collation !== undefined ? ` COLLATE ${a.collation}` : ''}`;
}

/** `CREATE TYPE s.t AS (a integer, b text COLLATE "C")` (PostgreSQL accepts an empty list). */
export function createCompositeTypeSql(t: CompositeTypeDef): string {
  return `CREATE TYPE ${qualify(t)} AS (${t.attributes.map(attributeSql).join(', ')})`;
}

/** `CREATE TYPE s.r AS RANGE (SUBTYPE = .., ..., MULTIRANGE_TYPE_NAME = ..)`, the multirange always named. */
export function createRangeTypeSql(r: RangeTypeDef): string {
  const params = [`SUBTYPE = ${r.subtype}`];
  if (r.subtypeOpclass !== undefined) params.push(`SUBTYPE_OPCLASS = ${r.subtypeOpclass}`);
  if (r.collation !== undefined) params.push(`COLLATION = ${r.collation}`);
  if (r.canonical !== undefined) params.push(`CANONICAL = ${r.canonical}`);
  if (r.subtypeDiff !== undefined) params.push(`SUBTYPE_DIFF = ${r.subtypeDiff}`);
  params.push(`MULTIRANGE_TYPE_NAME = ${qualify(r.multirange)}`);
  return `CREATE TYPE ${qualify(r)} AS RANGE (${params.join(', ')})`;
}
