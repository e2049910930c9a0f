import { qualify, quoteLiteral } from '../names.js';
import type { AggregateDef, AggregateModify } from '../objects.js';

/** The argument list DROP / COMMENT ON / ALTER AGGREGATE take: the types, or `*` for none. */
export function aggregateArgs(a: Pick<AggregateDef, 'identityArgs'>): string {
  return a.identityArgs === '' ? '*' : a.identityArgs;
}

/** `s.name(types)` as DROP / COMMENT ON / ALTER AGGREGATE name an aggregate. */
export function aggregateSubject(a: Pick<AggregateDef, 'schema' | 'name' | 'identityArgs'>): string {
  return `${qualify(a)}(${aggregateArgs(a)})`;
}

/** FINALFUNC_MODIFY's default: read_only for plain aggregates, read_write for ordered-set ones. */
export function defaultModify(aggKind: AggregateDef['aggKind']): AggregateModify {
  return aggKind === 'normal' ? 'read_only' : 'read_write';
}

/**
 * `CREATE [OR REPLACE] AGGREGATE s.name(signature) (SFUNC = .., STYPE = .., ...)` with the
 * attributes not at their defaults, in the order pg_dump prints them.
 */
export function createAggregateSql(a: AggregateDef, orReplace = false): string {
  const opts: string[] = [`SFUNC = ${a.sfunc}`, `STYPE = ${a.stype}`];
  const add = (key: string, value: string | number | undefined): void => {
    if (value !== undefined) opts.push(`${key} = ${value}`);
  };
  add('SSPACE', a.sspace);
  add('INITCOND', a.initcond === undefined ? undefined : quoteLiteral(a.initcond));
  add('FINALFUNC', a.finalfunc);
  if (a.finalfuncExtra) opts.push('FINALFUNC_EXTRA');
  add('FINALFUNC_MODIFY', a.finalfuncModify?.toUpperCase());
  add('COMBINEFUNC', a.combinefunc);
  add('SERIALFUNC', a.serialfunc);
  add('DESERIALFUNC', a.deserialfunc);
  add('MSFUNC', a.msfunc);
  add('MINVFUNC', a.minvfunc);
  add('MSTYPE', a.mstype);
  add('MSSPACE', a.msspace);
  add('MINITCOND', a.minitcond === undefined ? undefined : quoteLiteral(a.minitcond));
  add('MFINALFUNC', a.mfinalfunc);
  if (a.mfinalfuncExtra) opts.push('MFINALFUNC_EXTRA');
  add('MFINALFUNC_MODIFY', a.mfinalfuncModify?.toUpperCase());
  add('SORTOP', a.sortop === undefined || !a.sortop.includes('.') ? a.sortop : `OPERATOR(${a.sortop})`);
  add('PARALLEL', a.parallel?.toUpperCase());
  if (a.aggKind === 'hypothetical') opts.push('HYPOTHETICAL');
  return `CREATE ${orReplace ? 'OR REPLACE ' : ''}AGGREGATE ${qualify(a)}(${a.args}) (${opts.join(', ')})`;
}
