import { describe, expect, it } from 'vitest';
import { fingerprint, plan } from '../../src/plan/index.js';
import { buildState, sampleParts } from '../report/sample-state.js';
import { diffOf } from './fixtures.js';

describe('fingerprint', () => {
  it('ignores Map insertion order and origins', () => {
    const a = buildState(sampleParts());
    const b = buildState(sampleParts(), true);
    const parts = sampleParts();
    parts.tables = parts.tables.map(({ origin: _o, ...t }) => ({ ...t, origin: { revision: 'x', file: 'other.sql', line: 99 } }));
    const c = buildState(parts);
    expect(fingerprint(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(b)).toBe(fingerprint(a));
    expect(fingerprint(c)).toBe(fingerprint(a));
  });

  it('changes with the content, and is what a plan carries', () => {
    const a = buildState(sampleParts());
    const parts = sampleParts();
    parts.enums = [{ ...parts.enums[0]!, values: [...parts.enums[0]!.values, 'new'] }];
    expect(fingerprint(buildState(parts))).not.toBe(fingerprint(a));
    expect(plan(diffOf(), a).fingerprint).toBe(fingerprint(a));
  });

  it('changes when only a newer kind changes (a policy, a rule, a domain, a default privilege, the managed roles): a saved plan is then stale', () => {
    const a = buildState(sampleParts());
    const withPart = (part: 'policies' | 'rules' | 'domains' | 'defaultPrivileges', value: unknown): string =>
      fingerprint({ ...a, [part]: new Map([['public.x', value]]) });
    const seen = new Set([fingerprint(a), withPart('policies', { name: 'p' }), withPart('rules', { name: 'r' }),
      withPart('domains', { name: 'd' }), withPart('defaultPrivileges', { role: 'r' }), fingerprint({ ...a, privilegeRoles: ['app'] })]);
    expect(seen.size).toBe(6);
  });
});

describe('fingerprint, written piece by piece', () => {
  it('is the sha256 of the whole state as one canonical JSON text', async () => {
    const { createHash } = await import('node:crypto');
    const { canonicalJson } = await import('../../src/diff/same-value.js');
    const { entriesByKey } = await import('../../src/report/sort-order.js');
    const s = buildState(sampleParts());
    const maps = Object.entries(s).filter(([, v]) => v instanceof Map) as [string, ReadonlyMap<string, unknown>][];
    const whole = canonicalJson({
      ...Object.fromEntries(maps.map(([part, map]) => [part, entriesByKey(map)])),
      history: s.history, privilegeRoles: s.privilegeRoles ?? [], defaultPrivileges: entriesByKey(s.defaultPrivileges ?? new Map()),
    });
    expect(maps.length).toBeGreaterThan(15);
    expect(s.tables.size).toBeGreaterThan(0);
    expect(fingerprint(s)).toBe(createHash('sha256').update(whole).digest('hex'));
  });
});
