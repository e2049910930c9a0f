import { describe, expect, it } from 'vitest';
import { parseArrayLiteral } from '../../src/db/array-literal.js';

const id = (s: string): string => s;

describe('parseArrayLiteral', () => {
  it.each([
    ['{}', []],
    ['{a,b}', ['a', 'b']],
    ['{"a b","c,d","e\\"f","g\\\\h",NULL,"NULL",""}', ['a b', 'c,d', 'e"f', 'g\\h', null, 'NULL', '']],
    ['{{1,2},{3,4}}', [['1', '2'], ['3', '4']]],
    ['[0:1]={7,8}', ['7', '8']],
    ['[1:1][1:2]={{x,y}}', [['x', 'y']]],
    ['{"{}"}', ['{}']],
  ])('%s', (text, expected) => {
    expect(parseArrayLiteral(text, id)).toEqual(expected);
  });

  it('applies the element parser to non-null items only', () => {
    expect(parseArrayLiteral('{1,NULL,3}', Number)).toEqual([1, null, 3]);
  });

  it.each(['', '{a', '{"a}', '{a}x', 'a,b'])('rejects malformed %j', (text) => {
    expect(() => parseArrayLiteral(text, id)).toThrow(/Malformed array literal/);
  });
});
