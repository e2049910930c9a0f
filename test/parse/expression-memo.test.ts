import { describe, expect, it } from 'vitest';
import { normalizeExpression } from '../../src/parse/index.js';

describe('normalizeExpression on serial defaults', () => {
  it('gives the same text through the nextval shortcut as through the parser', () => {
    const names = ['t_id_seq', 'public.t_id_seq', '"Order Items_id_seq"', '"My App".select_id_seq', 'a$b_seq', '"x.y"."z"'];
    for (const name of names) {
      // The extra spaces miss the shortcut's pattern, so the second call parses and prints.
      const parsed = normalizeExpression(`nextval ( '${name}'::regclass )`);
      expect(normalizeExpression(`nextval('${name}'::regclass)`)).toBe(parsed);
    }
  });

  it('leaves names the shortcut cannot copy verbatim to the parser', () => {
    expect(normalizeExpression(`nextval('"o''brien_id_seq"'::regclass)`)).toBe(`nextval('"o''brien_id_seq"')`);
    expect(normalizeExpression(`nextval('café_id_seq'::regclass)`)).toBe(`nextval('café_id_seq')`);
  });
});

describe('the expression memo', () => {
  it('keeps apart expressions that differ only in text that looks like a location field', () => {
    // The memo key cuts `"location":N` out of the AST's JSON; inside a literal the quotes are escaped.
    expect(normalizeExpression(`'"location":1,'::text || x`)).toBe(`'"location":1,' || x`);
    expect(normalizeExpression(`''::text || x`)).toBe(`'' || x`);
  });
});
