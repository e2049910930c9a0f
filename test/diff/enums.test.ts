import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import type { EnumDef } from '../../src/model/objects.js';
import { emptyState, type SchemaState } from '../../src/model/schema-state.js';
import { assessed, behind, changesOf, summary } from './replayed-states.js';

const withEnum = (values: string[], history: SchemaState['history'] = []): SchemaState => {
  const e: EnumDef = { schema: 'public', name: 'e', values };
  return { ...emptyState(), enums: new Map([['public.e', e]]), history };
};

describe('diff: enum labels', () => {
  it('missing labels are added next to a neighbour so they land at the target position', () => {
    const live = withEnum(['b', 'd']);
    const r = assessed(diff(withEnum(['a', 'b', 'c', 'd', 'e']), live), live);
    expect(changesOf(r, 'addEnumValue').map((c) => [c.value, c.neighbor, c.safety])).toEqual([
      ['a', { value: 'b', after: false }, 'safe'],
      ['c', { value: 'b', after: true }, 'safe'],
      ['e', { value: 'd', after: true }, 'safe'],
    ]);
    expect(r.drift).toEqual([]);
  });

  it('leading missing labels chain: the first goes before the first existing one, the next after it', () => {
    const r = diff(withEnum(['x', 'y', 'a']), withEnum(['a']));
    expect(changesOf(r, 'addEnumValue').map((c) => [c.value, c.neighbor])).toEqual([
      ['x', { value: 'a', after: false }],
      ['y', { value: 'x', after: true }],
    ]);
  });

  it('an empty live enum gets its labels appended in order', () => {
    const r = diff(withEnum(['a', 'b']), withEnum([]));
    expect(changesOf(r, 'addEnumValue').map((c) => [c.value, c.neighbor ?? null])).toEqual([
      ['a', null],
      ['b', { value: 'a', after: true }],
    ]);
  });

  it('a live label the migrations never made is drift (PostgreSQL cannot drop labels)', () => {
    const r = diff(withEnum(['a']), withEnum(['a', 'zz']));
    expect(r.changes).toEqual([]);
    expect(r.drift).toHaveLength(1);
    expect(r.drift[0]).toMatchObject({ object: 'enum value', ref: { schema: 'public', name: 'zz', parent: 'e' } });
    expect(r.drift[0]!.message).toMatch(/cannot drop/);
  });

  it('labels in another order are drift', () => {
    const r = diff(withEnum(['a', 'b', 'c']), withEnum(['b', 'a', 'c']));
    expect(r.changes).toEqual([]);
    expect(r.drift).toEqual([
      expect.objectContaining({ object: 'enum', ref: { schema: 'public', name: 'e' }, message: expect.stringMatching(/\(b, a, c\) live but \(a, b, c\)/) }),
    ]);
  });

  it('a label the history renamed is renamed, not drift, and ADD VALUE positions use the new name', () => {
    const { target, live } = behind(
      [`CREATE TYPE e AS ENUM ('a', 'b');`, `ALTER TYPE e RENAME VALUE 'a' TO 'alpha'; ALTER TYPE e ADD VALUE 'a2' AFTER 'alpha';`],
      1,
    );
    const r = assessed(diff(target, live), live);
    expect(summary(r)).toEqual(['rename enum value public.e.a -> public.e.alpha', 'addEnumValue public.e.a2']);
    expect(changesOf(r, 'addEnumValue')[0]!.neighbor).toEqual({ value: 'alpha', after: true });
    expect(r.drift).toEqual([]);
  });

  it('chained label renames a -> b -> c', () => {
    const { target, live } = behind(
      [`CREATE TYPE e AS ENUM ('a');`, `ALTER TYPE e RENAME VALUE 'a' TO 'b';`, `ALTER TYPE e RENAME VALUE 'b' TO 'c';`],
      1,
    );
    expect(summary(diff(target, live))).toEqual(['rename enum value public.e.a -> public.e.c']);
  });
});
