import { qualify, quoteIdent } from '../names.js';
import type { FunctionDef } from '../objects.js';

/**
 * Wraps text in dollar quotes with the first tag of `$$`, `$body$`, `$body1$`, ... whose closing
 * delimiter occurs nowhere but at the very end: the body may itself contain `$$` (nested quotes)
 * or end in `$`, which would glue onto the closing delimiter.
 */
export function dollarQuote(body: string): string {
  for (let i = 0; ; i++) {
    const tag = `$${i === 0 ? '' : i === 1 ? 'body' : `body${i - 1}`}$`;
    if ((body + tag).indexOf(tag) === body.length) return `${tag}${body}${tag}`;
  }
}

/**
 * `CREATE OR REPLACE FUNCTION s.f(args) RETURNS t LANGUAGE l [IMMUTABLE|STABLE] [STRICT]
 * [SECURITY DEFINER] [LEAKPROOF] [PARALLEL ..] [COST n] [ROWS n] [SET ..] AS $tag$body$tag$`
 * (VOLATILE, CALLED ON NULL INPUT and SECURITY INVOKER are defaults), or the SQL-standard body
 * (`RETURN ..` / `BEGIN ATOMIC .. END`) as written. Procedures get `CREATE OR REPLACE PROCEDURE` and only LANGUAGE and SECURITY: PostgreSQL
 * rejects volatility and strictness on them.
 */
export function createFunctionSql(fn: FunctionDef): string {
  const parts = [`CREATE OR REPLACE ${fn.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${qualify(fn)}(${fn.args})`];
  if (fn.kind === 'function' && fn.returns !== undefined) parts.push(`RETURNS ${fn.returns}`);
  parts.push(`LANGUAGE ${quoteIdent(fn.language)}`);
  if (fn.kind === 'function') {
    if (fn.volatility !== 'volatile') parts.push(fn.volatility.toUpperCase());
    if (fn.strict) parts.push('STRICT');
  }
  if (fn.securityDefiner) parts.push('SECURITY DEFINER');
  if (fn.leakproof) parts.push('LEAKPROOF');
  if (fn.parallel) parts.push(`PARALLEL ${fn.parallel.toUpperCase()}`);
  if (fn.cost !== undefined) parts.push(`COST ${fn.cost}`);
  if (fn.rows !== undefined) parts.push(`ROWS ${fn.rows}`);
  for (const setting of fn.config ?? []) parts.push(`SET ${setting}`);
  parts.push(fn.sqlBody ?? `AS ${dollarQuote(fn.body)}`);
  return parts.join(' ');
}
