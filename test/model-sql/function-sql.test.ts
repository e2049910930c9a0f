import { describe, expect, it } from 'vitest';
import type { FunctionDef } from '../../src/model/objects.js';
import { createFunctionSql, dollarQuote } from '../../src/model/sql/index.js';

const fn: FunctionDef = {
  schema: 'public', name: 'f', identityArgs: '', args: '', kind: 'function', returns: 'integer', language: 'sql',
  body: 'SELECT 1', volatility: 'volatile', strict: false, securityDefiner: false,
};

describe('dollarQuote', () => {
  it('uses $$ when the body allows it', () => {
    expect(dollarQuote('SELECT 1')).toBe('$$SELECT 1$$');
    expect(dollarQuote('')).toBe('$$$$');
  });

  it('picks a tag that does not occur in the body', () => {
    expect(dollarQuote("EXECUTE $$SELECT 'x'$$")).toBe("$body$EXECUTE $$SELECT 'x'$$$body$");
    expect(dollarQuote('a $$ b $body$ c')).toBe('$body1$a $$ b $body$ c$body1$');
    expect(dollarQuote('$$ $body$ $body1$')).toBe('$body2$$$ $body$ $body1$$body2$');
  });

  it('avoids a tag the end of the body would glue onto', () => {
    // `$x$` + `$$` would close at the body's last `$`
    expect(dollarQuote('RETURN $1 || $')).toBe('$body$RETURN $1 || $$body$');
    // PostgreSQL's lexer reads `$body$` here, sees it is not the opening tag, and backs up to its last `$`
    expect(dollarQuote('x$body')).toBe('$$x$body$$');
  });
});

describe('createFunctionSql', () => {
  it('leaves out default attributes', () => {
    expect(createFunctionSql(fn)).toBe('CREATE OR REPLACE FUNCTION public.f() RETURNS integer LANGUAGE sql AS $$SELECT 1$$');
  });

  it('prints volatility, STRICT and SECURITY DEFINER', () => {
    expect(
      createFunctionSql({ ...fn, schema: 'App', name: 'Add', args: 'a integer, b integer DEFAULT 0', volatility: 'immutable', strict: true, securityDefiner: true }),
    ).toBe('CREATE OR REPLACE FUNCTION "App"."Add"(a integer, b integer DEFAULT 0) RETURNS integer LANGUAGE sql IMMUTABLE STRICT SECURITY DEFINER AS $$SELECT 1$$');
    expect(createFunctionSql({ ...fn, volatility: 'stable' })).toContain(' LANGUAGE sql STABLE AS ');
  });

  it('prints a procedure without RETURNS, volatility or strictness', () => {
    expect(
      createFunctionSql({ ...fn, kind: 'procedure', returns: undefined, language: 'plpgsql', body: 'BEGIN NULL; END', volatility: 'stable', strict: true, securityDefiner: true }),
    ).toBe('CREATE OR REPLACE PROCEDURE public.f() LANGUAGE plpgsql SECURITY DEFINER AS $$BEGIN NULL; END$$');
  });

  it('keeps the body verbatim, newlines included', () => {
    const body = '\nBEGIN\n  RETURN $$quoted$$;\nEND;\n';
    expect(createFunctionSql({ ...fn, language: 'plpgsql', returns: 'text', body })).toBe(
      `CREATE OR REPLACE FUNCTION public.f() RETURNS text LANGUAGE plpgsql AS $body$${body}$body$`,
    );
  });
});
