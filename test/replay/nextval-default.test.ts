import { describe, expect, it } from 'vitest';
import { normalizeExpression } from '../../src/parse/index.js';
import { nextvalDefault } from '../../src/replay/handlers/sequences.js';

describe('nextvalDefault', () => {
  it('spells serial defaults exactly as the normaliser does (the live side goes through it)', () => {
    for (const [schema, seq] of [['public', 't_id_seq'], ['public', 'Order Items_id_seq'], ['app', 'x_id_seq'], ['My App', 'select_id_seq'], ['public', "o'brien_id_seq"]] as const) {
      const regclass = (schema === 'public' ? '' : `${schema.match(/^[a-z_]+$/) ? schema : `"${schema}"`}.`) + (seq.match(/^[a-z_]+$/) && seq !== 'select' ? seq : `"${seq.replace(/"/g, '""')}"`);
      expect(nextvalDefault(schema, seq)).toBe(normalizeExpression(`nextval('${regclass.replace(/'/g, "''")}'::regclass)`));
    }
  });
});
