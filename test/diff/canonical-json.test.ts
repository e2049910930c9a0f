import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/diff/same-value.js';

/** The definition canonicalJson must keep: JSON.stringify with a key-sorting, origin-dropping replacer. */
function reference(value: unknown): string {
  return JSON.stringify(value, (k, v) => {
    if (k === 'origin') return undefined;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v).sort().map((key) => [key, (v as Record<string, unknown>)[key]]));
    }
    return v;
  });
}

describe('canonicalJson', () => {
  const samples: unknown[] = [
    { b: 1, a: { d: [3, { z: 'x', y: undefined }], c: null }, origin: { file: 'f', line: 1 } },
    [{ origin: 1, name: 'n' }, undefined, NaN, -0, 1e21, 'quote " and \\ and \u2028', true],
    { 'Zeta': 1, alpha: 2, Émile: 3, '10': 4, '9': 5, '': 6 },
    { nested: [[{ q: 1, p: 2 }]], fn: () => 1, when: new Date(0) },
    { __proto__field: 1, ['__proto__']: { polluted: true } },
    'plain',
    42,
    null,
  ];
  it.each(samples.map((s, i) => [i, s]))('sample %i writes the same text as the key-sorting replacer', (_i, sample) => {
    expect(canonicalJson(sample)).toBe(reference(sample));
  });

  it('does not depend on key order or provenance', () => {
    expect(canonicalJson({ a: 1, b: [{ x: 1, y: 2 }], origin: 'here' })).toBe(canonicalJson({ b: [{ y: 2, x: 1, origin: 'there' }], a: 1 }));
  });
});
