import type { Mutable } from '../../model/mutable.js';
import { quoteIdent, routineName } from '../../model/names.js';
import type { AggregateModify } from '../../model/objects.js';
import type { AggregateDdl, Ddl } from '../ddl.js';
import { type AstNode, str, strList } from '../libpg.js';
import { defaultModify } from '../../model/sql/aggregate-sql.js';
import { MODES, namesToRef, typeText } from './objects.js';

/** Support-function options of CREATE AGGREGATE, by their (lower-case) option name. */
const ROUTINE_OPTIONS = ['sfunc', 'finalfunc', 'combinefunc', 'serialfunc', 'deserialfunc', 'msfunc', 'minvfunc', 'mfinalfunc'] as const;

/** A routine an option names (a TypeName or a string), as {@link routineName} spells it. */
function routineArg(arg: AstNode): string {
  const names = arg?.TypeName ? strList(arg.TypeName.names) : [str(arg)];
  const name = names[names.length - 1] ?? '';
  return routineName(names.length > 1 ? names[names.length - 2] : undefined, name);
}

/** A word option (PARALLEL = safe, FINALFUNC_MODIFY = read_write), lower-case. */
function wordArg(arg: AstNode): string {
  return (arg?.TypeName ? strList(arg.TypeName.names).pop() ?? '' : str(arg)).toLowerCase();
}

/** INITCOND as the catalog keeps it (text): a string, or a number's digits. */
function textArg(arg: AstNode): string {
  if (arg?.String) return str(arg);
  if (arg?.Integer) return String(arg.Integer.ival ?? 0);
  if (arg?.Float) return String(arg.Float.fval);
  if (arg?.TypeName) return strList(arg.TypeName.names).join('.');
  return '';
}

/** SORTOP's operator (`>`, or `app.===` outside pg_catalog and public). */
function operatorArg(arg: AstNode): string {
  const names = arg?.List ? strList(arg.List.items) : arg?.TypeName ? strList(arg.TypeName.names) : [str(arg)];
  const op = names[names.length - 1] ?? '';
  return routineName(names.length > 1 ? names[names.length - 2] : undefined, op, (n) => n);
}

/** A parameter as a signature lists it: mode, name, type. */
function paramText(p: AstNode): string {
  return `${MODES[p.mode] ?? ''}${p.name ? `${quoteIdent(p.name)} ` : ''}${typeText(p.argType)}`;
}

/**
 * The aggregate's arguments: identity types (the key, as DROP AGGREGATE names them), the
 * signature as written (`*` for none, `ORDER BY` after the direct arguments of an ordered-set
 * aggregate; a lone VARIADIC is both direct and aggregated, as PostgreSQL prints it) and whether
 * it is ordered-set. `args` is libpg-query's [parameters, number of direct arguments (-1: plain)].
 */
function signature(s: AstNode): { identityArgs: string; args: string; ordered: boolean } {
  if (s.oldstyle) {
    const base = (s.definition ?? []).find((d: AstNode) => d.DefElem.defname.toLowerCase() === 'basetype')?.DefElem.arg;
    const type = base ? typeText(base.TypeName ?? base) : '"any"';
    return type === '"any"' ? { identityArgs: '', args: '*', ordered: false } : { identityArgs: type, args: type, ordered: false };
  }
  const params: AstNode[] = (s.args?.[0]?.List?.items ?? []).map((p: AstNode) => p.FunctionParameter);
  const direct: number = s.args?.[1]?.Integer?.ival ?? 0;
  const identityArgs = params.map((p) => typeText(p.argType)).join(', ');
  if (direct < 0) return { identityArgs, args: params.length ? params.map(paramText).join(', ') : '*', ordered: false };
  const aggregated = direct < params.length ? params.slice(direct) : params.slice(-1);
  const head = params.slice(0, direct).map(paramText).join(', ');
  return { identityArgs, args: `${head}${head ? ' ' : ''}ORDER BY ${aggregated.map(paramText).join(', ')}`, ordered: true };
}

/** Lowers CREATE [OR REPLACE] AGGREGATE (both syntaxes); attributes at their defaults are left out. */
export function lowerAggregate(s: AstNode): Ddl {
  const { identityArgs, args, ordered } = signature(s);
  const opts = new Map<string, AstNode>((s.definition ?? []).map((d: AstNode) => [String(d.DefElem.defname).toLowerCase(), d.DefElem.arg ?? null]));
  const hypothetical = opts.has('hypothetical');
  const aggKind = hypothetical ? 'hypothetical' : ordered ? 'ordered' : 'normal';
  const stype = opts.get('stype');
  const out: Mutable<AggregateDdl> = {
    kind: 'createAggregate', aggregate: namesToRef(strList(s.defnames)), orReplace: !!s.replace,
    identityArgs, args, aggKind, sfunc: '', stype: stype ? typeText(stype.TypeName ?? stype) : '',
  };
  for (const key of ROUTINE_OPTIONS) {
    const arg = opts.get(key);
    if (arg) out[key] = routineArg(arg);
  }
  const mstype = opts.get('mstype');
  if (mstype) out.mstype = typeText(mstype.TypeName ?? mstype);
  for (const key of ['sspace', 'msspace'] as const) {
    const n = Number(textArg(opts.get(key)));
    if (opts.has(key) && n !== 0) out[key] = n;
  }
  for (const key of ['initcond', 'minitcond'] as const) if (opts.has(key)) out[key] = textArg(opts.get(key));
  if (opts.has('finalfunc_extra')) out.finalfuncExtra = true;
  if (opts.has('mfinalfunc_extra')) out.mfinalfuncExtra = true;
  const fallback: AggregateModify = defaultModify(aggKind);
  for (const [option, key] of [['finalfunc_modify', 'finalfuncModify'], ['mfinalfunc_modify', 'mfinalfuncModify']] as const) {
    const word = opts.has(option) ? wordArg(opts.get(option)) : undefined;
    if (word === 'read_only' || word === 'shareable' || word === 'read_write') {
      if (word !== fallback) out[key] = word;
    }
  }
  if (opts.has('sortop')) out.sortop = operatorArg(opts.get('sortop'));
  const parallel = opts.has('parallel') ? wordArg(opts.get('parallel')) : undefined;
  if (parallel === 'safe' || parallel === 'restricted') out.parallel = parallel;
  return out;
}
