import { describe, expect, it } from 'vitest';
import { dependencyOrder } from '../../src/report/sort-order.js';

describe('dependencyOrder', () => {
  it('breaks a cycle at an item on it, so what only waits for the cycle still follows it', () => {
    const deps: Record<string, string[]> = { a: ['x'], x: ['y'], y: ['x'], b: [] };
    const order = dependencyOrder(Object.keys(deps).map((k) => [k, k] as const), (k) => deps[k]!);
    expect(order).toEqual(['b', 'x', 'a', 'y']);
  });
});
