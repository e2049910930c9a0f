import { describe, expect, it } from 'vitest';
import { coerceConstantDefault, columnsInExpression, normalizeExpression, renameColumnInExpression } from '../../src/parse/index.js';
import { parseSql } from '../../src/parse/libpg.js';
import { canonicalExprNode, exprTexts, writtenExprNode } from '../../src/parse/normalize-expr.js';

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

describe('memos replay leans on', () => {
  it('gives each caller the same column list, which no caller can change', () => {
    const first = columnsInExpression('amount >= 0 AND t.total > amount');
    expect(() => (first as string[]).push('other')).toThrow();
    expect(columnsInExpression('amount >= 0 AND t.total > amount')).toEqual(['amount', 'total']);
  });

  it('renames only expressions that mention the column, from the memo or through the parser', () => {
    expect(renameColumnInExpression('amount >= 0', 'total', 'sum')).toBe('amount >= 0');
    expect(renameColumnInExpression('amount >= 0', 'amount', 'total')).toBe('total >= 0');
  });

  it('keys a coerced money default on how it was written as well as on its canonical text', () => {
    // Only a string literal is converted to money when parsed; a number keeps its implicit cast.
    expect(coerceConstantDefault(`'1.999'`, 'money', `'1.999'`)).toBe(`'$2.00'`);
    expect(coerceConstantDefault(`'1.999'`, 'money', '1.999')).toBe(`'1.999'`);
    expect(coerceConstantDefault(`'1.999'`, 'money', `'1.999'`)).toBe(`'$2.00'`);
  });

  it('keys a coerced default on the column type', () => {
    expect(coerceConstantDefault(`'0'`, 'boolean')).toBe('false');
    expect(coerceConstantDefault(`'0'`, 'interval')).toBe(`'00:00:00'`);
    expect(coerceConstantDefault(`'0'`, 'text')).toBe(`'0'`);
  });

  it('gives both texts of an expression as the single-text functions do', () => {
    const [stmt] = parseSql('SELECT CAST(amount AS numeric(10, 2)) BETWEEN 0 AND 10');
    const node = stmt!.stmt.SelectStmt.targetList[0].ResTarget.val;
    const texts = exprTexts(node);
    expect(texts).toEqual({ canonical: canonicalExprNode(node), written: writtenExprNode(node) });
    expect(texts.canonical).not.toBe(texts.written);
  });
});
