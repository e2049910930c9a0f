import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/diff/same-value.js';
import { CanonicalWriter } from '../../src/plan/canonical-text.js';

/** The writer's text for one value, collected from its sink (small chunks: many flushes). */
function written(value: unknown, chunk?: number): { text: string; pieces: number } {
  const pieces: string[] = [];
  const w = new CanonicalWriter((t) => pieces.push(t), chunk);
  w.value(value);
  w.flush();
  return { text: pieces.join(''), pieces: pieces.length };
}

describe('CanonicalWriter', () => {
  const samples: unknown[] = [
    { b: 1, a: { d: [3, { z: 'x', y: undefined }], c: null }, origin: { file: 'f', line: 1 }, defaultSql: 'x' },
    [{ origin: 1, name: 'n' }, undefined, NaN, Infinity, -0, 1e21, 0.1, 'quote " and \\ and \u2028 and \n and \ud800', true, false, () => 1, Symbol('s')],
    { 'Zeta': 1, alpha: 2, Émile: 3, '10': 4, '9': 5, '': 6, '01': 7, '4294967295': 8, '4294967294': 9 },
    { nested: [[{ q: 1, p: 2 }]], fn: () => 1, sym: Symbol('s'), when: new Date(0), map: new Map([[1, 2]]) },
    { __proto__field: 1, ['__proto__']: { polluted: true } },
    Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
    [],
    {},
    'plain',
    42,
    null,
  ];
  it.each(samples.map((s, i) => [i, s]))('sample %i is written as canonicalJson writes it', (_i, sample) => {
    expect(written(sample).text).toBe(canonicalJson(sample));
  });

  it('keeps apart objects whose keys share a first key, and reuses one order whatever the insertion order', () => {
    const value = [{ a: 1, c: 2, b: 3 }, { a: 1, b: 3 }, { a: 1, c: 2, b: 3, origin: 0 }, { c: 2, a: 1, b: 3 }, { a: { a: 1, b: 2 }, b: [{ a: 1 }] }];
    expect(written(value).text).toBe(canonicalJson(value));
    expect(written(value).text).toBe('[{"a":1,"b":3,"c":2},{"a":1,"b":3},{"a":1,"b":3,"c":2},{"a":1,"b":3,"c":2},{"a":{"a":1,"b":2},"b":[{"a":1}]}]');
  });

  it('hands its text over in pieces of about the chunk size that join to the whole', () => {
    const value = Array.from({ length: 200 }, (_, i) => ({ name: `t${i}`, columns: [{ type: 'int', name: 'id' }] }));
    const small = written(value, 64);
    expect(small.pieces).toBeGreaterThan(10);
    expect(small.text).toBe(canonicalJson(value));
  });

  it('throws on a bigint as JSON.stringify does', () => {
    expect(() => written({ n: 1n })).toThrow(TypeError);
  });
});
