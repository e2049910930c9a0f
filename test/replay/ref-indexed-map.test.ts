import { describe, expect, it } from 'vitest';
import { RefIndexedMap } from '../../src/replay/ref-indexed-map.js';

interface Item {
  readonly on: readonly string[];
}

describe('RefIndexedMap', () => {
  it('finds entries by what they refer to, following set, overwrite and delete', () => {
    const m = new RefIndexedMap<Item>((v) => v.on);
    m.set('a', { on: ['t1'] }).set('b', { on: ['t1', 't2'] }).set('c', { on: [] });
    expect(m.referencing('t1').sort()).toEqual(['a', 'b']);
    expect(m.referencing('t2')).toEqual(['b']);
    m.set('b', { on: ['t3'] });
    expect(m.referencing('t1')).toEqual(['a']);
    expect(m.referencing('t3')).toEqual(['b']);
    m.delete('a');
    expect(m.referencing('t1')).toEqual([]);
    expect(m.entriesReferencing('t3')).toEqual([['b', { on: ['t3'] }]]);
    expect([...m.keys()].sort()).toEqual(['b', 'c']);
    m.clear();
    expect(m.referencing('t3')).toEqual([]);
    expect(m.size).toBe(0);
  });

  it('returns a snapshot, so the map can change while the result is walked', () => {
    const m = new RefIndexedMap<Item>((v) => v.on);
    for (const k of ['x', 'y', 'z']) m.set(k, { on: ['t'] });
    for (const [k] of m.entriesReferencing('t')) m.delete(k);
    expect(m.size).toBe(0);
  });

  it('copies into a plain Map with every entry', () => {
    const m = new RefIndexedMap<Item>((v) => v.on);
    m.set('a', { on: ['t'] });
    expect(new Map(m)).toEqual(new Map([['a', { on: ['t'] }]]));
  });
});
