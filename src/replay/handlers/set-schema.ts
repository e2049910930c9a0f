import { relationKey } from '../../model/schema-state.js';
import type { Ddl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';

/**
 * ALTER .. SET SCHEMA. Modelled for enums, sequences and views that nothing else refers to by
 * key; moving a table (with its indexes, sequences and constraints) is reported as not modelled.
 */
export function setSchema(ctx: ReplayContext, s: Extract<Ddl, { kind: 'setSchema' }>): void {
  const d = ctx.draft;
  if (!d.schemas.has(s.newSchema)) return ctx.error(`schema "${s.newSchema}" does not exist`);
  const from = ctx.schemaOf(s.object);
  const key = relationKey(from, s.object.name);
  const newKey = relationKey(s.newSchema, s.object.name);
  const move = <T extends { schema: string; name: string }>(map: Map<string, T>): boolean => {
    const o = map.get(key);
    if (!o) return false;
    map.delete(key);
    map.set(newKey, { ...o, schema: s.newSchema });
    d.history.push({
      event: 'rename', object: s.target === 'type' ? 'enum' : (s.target as 'sequence'), origin: ctx.origin,
      from: { schema: from, name: s.object.name }, to: { schema: s.newSchema, name: s.object.name },
    });
    return true;
  };
  switch (s.target) {
    case 'type':
      if (!move(d.enums) && !s.ifExists) ctx.error(`type ${key} does not exist`);
      return;
    case 'view':
    case 'materialized view':
      if (!move(d.views) && !s.ifExists) ctx.error(`view ${key} does not exist`);
      return;
    default:
      return ctx.warn(`not modelled: ALTER ${s.target.toUpperCase()} .. SET SCHEMA`);
  }
}
