import { describe, expect, it } from 'vitest';
import { normalizeExpression } from '../../src/parse/index.js';
import { nextvalDefault } from '../../src/replay/handlers/sequences.js';

describe('nextvalDefault', () => {
  it('spells serial defaults exactly as the normaliser does (the live side goes through it)', () => {
    const cases: [schema: string, sequence: string, regclass: string][] = [
      ['public', 't_id_seq', 't_id_seq'],
      ['public', 'Order Items_id_seq', '"Order Items_id_seq"'],
      ['app', 'x_id_seq', 'app.x_id_seq'],
      ['My App', 'select_id_seq', '"My App".select_id_seq'],
      ['public', "o'brien_id_seq", `"o'brien_id_seq"`],
    ];
    for (const [schema, seq, regclass] of cases) {
      expect(nextvalDefault(schema, seq)).toBe(normalizeExpression(`nextval('${regclass.replace(/'/g, "''")}'::regclass)`));
    }
  });
});
