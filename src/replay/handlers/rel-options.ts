import { relationKey } from '../../model/schema-state.js';
import type { Ddl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';

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
  const key = relationKey(ctx.schemaOf(s.relation), s.relation.name);
  const map = s.target === 'index' ? ctx.draft.indexes : ctx.draft.views;
  const o = map.get(key);
  if (!o) {
    if (!s.ifExists) ctx.error(`relation "${s.relation.name}" does not exist`);
    return;
  }
  const { options: _o, ...rest } = o;
  const options = changedOptions(o.options, s.changes);
  (map as Map<string, typeof o>).set(key, options ? { ...rest, options } : rest);
}
