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
});
