import { relationKey } from '../../model/schema-state.js';
import type { Ddl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { alterConstraintIndex } from './constraints.js';

const nameOf = (option: string): string => option.slice(0, option.indexOf('='));

/**
 * Options after `SET (..)` / `RESET (..)`, as PostgreSQL's transformRelOptions builds them: the
 * old ones not named keep their order, the ones set are appended in the order written.
 */
export function changedOptions(
  options: readonly string[] | undefined,
  changes: Extract<Ddl, { kind: 'setRelOptions' }>['changes'],
): readonly string[] | undefined {
  let out = [...(options ?? [])];
  for (const c of changes) {
    const name = 'set' in c ? nameOf(c.set) : c.reset;
    out = out.filter((o) => nameOf(o) !== name);
    if ('set' in c) out.push(c.set);
  }
  return out.length ? out : undefined;
}

/** ALTER INDEX / VIEW / MATERIALIZED VIEW .. SET (..) / RESET (..). */
export function setRelOptions(ctx: ReplayContext, s: Extract<Ddl, { kind: 'setRelOptions' }>): void {
  const schema = ctx.schemaOf(s.relation);
  const key = relationKey(schema, s.relation.name);
  // The index of a PRIMARY KEY / UNIQUE / EXCLUDE constraint: its options are the constraint's.
  if (s.target === 'index' && alterConstraintIndex(ctx, schema, s.relation.name, (c) => withOptions(c, changedOptions(c.options, s.changes)))) return;
  const map = s.target === 'index' ? ctx.draft.indexes : ctx.draft.views;
  const o = map.get(key);
  if (!o) {
    if (!s.ifExists) ctx.error(`relation "${s.relation.name}" does not exist`);
    return;
  }
  (map as Map<string, typeof o>).set(key, withOptions(o, changedOptions(o.options, s.changes)));
}

function withOptions<T extends { options?: readonly string[] }>(o: T, options: readonly string[] | undefined): T {
  const { options: _o, ...rest } = o;
  return (options ? { ...rest, options } : rest) as T;
}
