import { describe, expect, it } from 'vitest';
import { pairObjects } from '../../src/diff/pairing.js';
import '../../src/kinds/registry.js';
import { HistoryIndex, nameSpec, pastNames as walk } from '../../src/diff/past-names.js';
import type { HistoryEvent, HistoryRef } from '../../src/model/history.js';

const pastNames = (h: HistoryEvent[], spec: ReturnType<typeof nameSpec>, ref: HistoryRef) => walk(new HistoryIndex(h), spec, ref);

const rename = (object: HistoryEvent['object'], from: string, to: string, parent?: string, toParent = parent): HistoryEvent => ({
  event: 'rename', object,
  from: { schema: 'public', name: from, ...(parent !== undefined ? { parent } : {}) },
  to: { schema: 'public', name: to, ...(toParent !== undefined ? { parent: toParent } : {}) },
});
const drop = (object: HistoryEvent['object'], name: string, parent?: string): HistoryEvent => ({
  event: 'drop', object, ref: { schema: 'public', name, ...(parent !== undefined ? { parent } : {}) },
});

describe('pastNames', () => {
  it('follows a rename chain backwards, newest first, with where each name ended', () => {
    const h = [rename('table', 'a', 'b'), rename('table', 'b', 'c')];
    expect(pastNames(h, nameSpec('table'), { schema: 'public', name: 'c' })).toEqual([
      { ref: { schema: 'public', name: 'c' }, until: 2 },
      { ref: { schema: 'public', name: 'b' }, until: 1 },
      { ref: { schema: 'public', name: 'a' }, until: 0 },
    ]);
  });

  it('stops where the name belonged to another object (renamed away or dropped before)', () => {
    const h = [rename('table', 'x', 'a'), drop('table', 'b'), rename('table', 'a', 'b')];
    expect(pastNames(h, nameSpec('table'), { schema: 'public', name: 'b' }).map((p) => p.ref.name)).toEqual(['b', 'a', 'x']);
    const h2 = [rename('table', 'old', 'b'), rename('table', 'b', 'b_old')];
    expect(pastNames(h2, nameSpec('table'), { schema: 'public', name: 'b' }).map((p) => p.ref.name)).toEqual(['b']);
    expect(pastNames(h2, nameSpec('table'), { schema: 'public', name: 'b_old' }).map((p) => p.ref.name)).toEqual(['b_old', 'b', 'old']);
    const h3 = [drop('table', 'b')];
    expect(pastNames(h3, nameSpec('table'), { schema: 'public', name: 'b' }).map((p) => p.ref.name)).toEqual(['b']);
  });

  it('a column follows its own renames and its table\'s, interleaved', () => {
    const h = [rename('column', 'a', 'b', 't'), rename('table', 't', 'u'), rename('column', 'b', 'c', 'u')];
    expect(pastNames(h, nameSpec('column'), { schema: 'public', name: 'c', parent: 'u' }).map((p) => `${p.ref.parent}.${p.ref.name}`)).toEqual([
      'u.c', 'u.b', 't.b', 't.a',
    ]);
  });

  it('an index follows its table across schemas without events of its own', () => {
    const h: HistoryEvent[] = [{ event: 'rename', object: 'table', from: { schema: 'public', name: 't' }, to: { schema: 's', name: 't' } }];
    expect(pastNames(h, nameSpec('index', 't'), { schema: 's', name: 'i' }).map((p) => `${p.ref.schema}.${p.ref.name}`)).toEqual(['s.i', 'public.i']);
  });
});

describe('pairObjects', () => {
  const map = (...keys: string[]) => new Map(keys.map((k) => [k, k]));
  const names = (chains: Record<string, [string, number][]>) => (k: string) => (chains[k] ?? []).map(([key, until]) => ({ key, until }));

  it('pairs by key, then by earlier names; leftovers are created or live-only, sorted', () => {
    const r = pairObjects(map('z', 'b', 'new'), map('a', 'z', 'stray'), names({ b: [['a', 0]] }));
    expect(r.pairs.map((p) => [p.key, p.liveKey, p.renamed])).toEqual([['b', 'a', true], ['z', 'z', false]]);
    expect(r.created.map((c) => c.key)).toEqual(['new']);
    expect(r.liveOnly.map((c) => c.key)).toEqual(['stray']);
  });

  it('a claim takes a live object from a key match, which then looks for its own earlier names', () => {
    // history: c -> T (0), x -> c (1); live is from before both
    const r = pairObjects(map('T', 'c'), map('c', 'x'), names({ T: [['c', 0]], c: [['x', 1]] }));
    expect(r.pairs.map((p) => [p.key, p.liveKey, p.renamed])).toEqual([['T', 'c', true], ['c', 'x', true]]);
    expect(r.created).toEqual([]);
  });

  it('competing claims: the name that ended earliest wins', () => {
    const r = pairObjects(map('y', 'z'), map('x'), names({ y: [['x', 1]], z: [['x', 3]] }));
    expect(r.pairs.map((p) => [p.key, p.liveKey])).toEqual([['y', 'x']]);
    expect(r.created.map((c) => c.key)).toEqual(['z']);
  });

  it('a key match reclaims an earlier name only when allowed, releasing its key', () => {
    const chains = names({ users: [['users_new', 1]] });
    expect(pairObjects(map('users'), map('users', 'users_new'), chains).pairs.map((p) => p.liveKey)).toEqual(['users']);
    const r = pairObjects(map('users'), map('users', 'users_new'), chains, () => true);
    expect(r.pairs.map((p) => [p.key, p.liveKey, p.renamed])).toEqual([['users', 'users_new', true]]);
    expect(r.liveOnly.map((c) => c.key)).toEqual(['users']);
  });
});
