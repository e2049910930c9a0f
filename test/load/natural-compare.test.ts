import { describe, it, expect } from 'vitest';
import { naturalCompare } from '../../src/load/natural-compare.js';

describe('naturalCompare', () => {
  it('orders digit runs by numeric value', () => {
    expect(['10_x.sql', '2_x.sql', '1_x.sql', '100_a.sql'].sort(naturalCompare)).toEqual([
      '1_x.sql',
      '2_x.sql',
      '10_x.sql',
      '100_a.sql',
    ]);
  });

  it('handles zero padding, long numbers and mixed text', () => {
    expect(['v2b.sql', 'v2a.sql', 'v10.sql', 'v002.sql', 'v01.sql'].sort(naturalCompare)).toEqual([
      'v01.sql',
      'v002.sql',
      'v2a.sql',
      'v2b.sql',
      'v10.sql',
    ]);
    expect(naturalCompare('99999999999999999999999_a', '100000000000000000000000_a')).toBeLessThan(0);
  });

  it('ignores case first but stays total and deterministic', () => {
    expect(['b.sql', 'A.sql', 'a.sql', 'B.sql'].sort(naturalCompare)).toEqual(['A.sql', 'a.sql', 'B.sql', 'b.sql']);
    expect(naturalCompare('x', 'x')).toBe(0);
  });
});
