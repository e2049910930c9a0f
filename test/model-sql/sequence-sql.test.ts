import { describe, expect, it } from 'vitest';
import type { SequenceDef } from '../../src/model/objects.js';
import { utf8Length } from '../../src/model/names.js';
import { alterSequenceOwnedBySql, createSequenceSql, defaultColumnSequenceName } from '../../src/model/sql/index.js';

const s: SequenceDef = {
  schema: 'Billing', name: 'invoice no', dataType: 'integer', start: '1000', increment: '1', min: '1', max: '2147483647', cache: '1', cycle: false,
};

describe('sequence SQL', () => {
  it('spells out every option', () => {
    expect(createSequenceSql(s)).toBe(
      'CREATE SEQUENCE "Billing"."invoice no" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1000 CACHE 1 NO CYCLE',
    );
    expect(createSequenceSql({ ...s, cycle: true }, { ifNotExists: true })).toMatch(/^CREATE SEQUENCE IF NOT EXISTS .* CYCLE$/);
  });

  it('prints OWNED BY with the table in the sequence schema, or NONE', () => {
    expect(alterSequenceOwnedBySql({ ...s, ownedBy: { table: 'Invoices', column: 'no' } })).toBe(
      'ALTER SEQUENCE "Billing"."invoice no" OWNED BY "Billing"."Invoices".no',
    );
    expect(alterSequenceOwnedBySql(s)).toBe('ALTER SEQUENCE "Billing"."invoice no" OWNED BY NONE');
  });

  it("computes PostgreSQL's default sequence name, shortening the longer part to 63 bytes", () => {
    expect(defaultColumnSequenceName('users', 'id')).toBe('users_id_seq');
    const long = defaultColumnSequenceName('t'.repeat(70), 'id');
    expect(long).toBe(`${'t'.repeat(56)}_id_seq`);
    const both = defaultColumnSequenceName('a'.repeat(40), 'b'.repeat(40));
    expect(both).toBe(`${'a'.repeat(29)}_${'b'.repeat(29)}_seq`);
    const wide = defaultColumnSequenceName('ä'.repeat(40), 'id');
    expect(utf8Length(wide)).toBeLessThanOrEqual(63);
    expect(wide).toBe(`${'ä'.repeat(28)}_id_seq`);
  });
});
