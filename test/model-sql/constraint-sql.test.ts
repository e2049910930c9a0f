import { describe, expect, it } from 'vitest';
import type { ForeignKeyConstraint } from '../../src/model/objects.js';
import { addConstraintSql, constraintSql, namedConstraintSql } from '../../src/model/sql/index.js';

const flags = { deferrable: false, initiallyDeferred: false };
const fk: ForeignKeyConstraint = {
  type: 'foreign key', name: 'orders_user_fk', columns: ['user_id'], validated: true, ...flags,
  references: { table: { schema: 'public', name: 'users' }, columns: ['id'], onDelete: 'no action', onUpdate: 'no action', match: 'simple' },
};

describe('constraintSql', () => {
  it('leaves out FK defaults (MATCH SIMPLE, NO ACTION, NOT DEFERRABLE)', () => {
    expect(constraintSql(fk)).toBe('FOREIGN KEY (user_id) REFERENCES public.users (id)');
  });

  it('prints a deferrable FK with ON DELETE SET NULL', () => {
    expect(
      constraintSql({ ...fk, deferrable: true, initiallyDeferred: true, references: { ...fk.references, onDelete: 'set null' } }),
    ).toBe('FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED');
    expect(constraintSql({ ...fk, deferrable: true })).toBe('FOREIGN KEY (user_id) REFERENCES public.users (id) DEFERRABLE');
  });

  it('prints MATCH FULL, ON UPDATE before ON DELETE, and NOT VALID last', () => {
    expect(
      constraintSql({
        ...fk, validated: false, columns: ['a', 'b'],
        references: { table: { schema: 'app', name: 'Pairs' }, columns: ['x', 'y'], onDelete: 'set default', onUpdate: 'cascade', match: 'full' },
      }),
    ).toBe('FOREIGN KEY (a, b) REFERENCES app."Pairs" (x, y) MATCH FULL ON UPDATE CASCADE ON DELETE SET DEFAULT NOT VALID');
  });

  it('omits the referenced column list when the model leaves it empty (the primary key)', () => {
    expect(constraintSql({ ...fk, references: { ...fk.references, columns: [] } })).toBe('FOREIGN KEY (user_id) REFERENCES public.users');
  });

  it('prints PRIMARY KEY and UNIQUE with INCLUDE and NULLS NOT DISTINCT', () => {
    expect(constraintSql({ type: 'primary key', name: 'p', columns: ['id'], include: ['Note'], ...flags })).toBe('PRIMARY KEY (id) INCLUDE ("Note")');
    expect(constraintSql({ type: 'unique', name: 'u', columns: ['a', 'b'], include: [], nullsNotDistinct: true, deferrable: true, initiallyDeferred: false })).toBe(
      'UNIQUE NULLS NOT DISTINCT (a, b) DEFERRABLE',
    );
  });

  it('prints CHECK with NO INHERIT and NOT VALID', () => {
    expect(constraintSql({ type: 'check', name: 'c', expression: 'price > 0', validated: true, noInherit: false, ...flags })).toBe('CHECK (price > 0)');
    expect(constraintSql({ type: 'check', name: 'c', expression: 'price > 0', validated: false, noInherit: true, ...flags })).toBe(
      'CHECK (price > 0) NO INHERIT NOT VALID',
    );
  });

  it('prints EXCLUDE with method, operators, INCLUDE and WHERE', () => {
    expect(
      constraintSql({
        type: 'exclude', name: 'x', method: 'gist', include: ['note'], where: 'NOT cancelled', deferrable: true, initiallyDeferred: true,
        keys: [
          { column: 'room', descending: false, nullsFirst: false, operator: '=' },
          { expression: 'tsrange(starts, ends)', descending: false, nullsFirst: false, operator: '&&' },
        ],
      }),
    ).toBe('EXCLUDE USING gist (room WITH =, (tsrange(starts, ends)) WITH &&) INCLUDE (note) WHERE (NOT cancelled) DEFERRABLE INITIALLY DEFERRED');
  });

  it('names constraints through quoteIdent, inline and in ALTER TABLE', () => {
    expect(namedConstraintSql({ ...fk, name: 'Orders→Users' })).toBe('CONSTRAINT "Orders→Users" FOREIGN KEY (user_id) REFERENCES public.users (id)');
    expect(addConstraintSql({ schema: 'app', name: 'order' }, fk)).toBe(
      'ALTER TABLE app."order" ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES public.users (id)',
    );
  });
});
