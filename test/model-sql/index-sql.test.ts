import { describe, expect, it } from 'vitest';
import type { IndexDef, IndexKey } from '../../src/model/objects.js';
import { createIndexSql, indexKeySql } from '../../src/model/sql/index.js';

const asc = (column: string): IndexKey => ({ column, descending: false, nullsFirst: false });
const base: IndexDef = {
  schema: 'public', name: 'i', table: 't', unique: false, method: 'btree', keys: [asc('a')], include: [], nullsNotDistinct: false,
};

describe('indexKeySql', () => {
  it('prints NULLS FIRST/LAST only when not the default for the direction', () => {
    expect(indexKeySql({ column: 'a', descending: false, nullsFirst: false })).toBe('a');
    expect(indexKeySql({ column: 'a', descending: false, nullsFirst: true })).toBe('a NULLS FIRST');
    expect(indexKeySql({ column: 'a', descending: true, nullsFirst: true })).toBe('a DESC');
    expect(indexKeySql({ column: 'a', descending: true, nullsFirst: false })).toBe('a DESC NULLS LAST');
  });

  it('parenthesises expressions and orders COLLATE, opclass, direction', () => {
    expect(
      indexKeySql({ expression: 'lower(email)', collation: '"C"', opclass: 'text_pattern_ops', descending: true, nullsFirst: false }),
    ).toBe('(lower(email)) COLLATE "C" text_pattern_ops DESC NULLS LAST');
  });

  it('adds WITH op for EXCLUDE keys', () => {
    expect(indexKeySql({ column: 'during', descending: false, nullsFirst: false, operator: '&&' })).toBe('during WITH &&');
  });
});

describe('createIndexSql', () => {
  it('leaves out USING btree and prints other methods', () => {
    expect(createIndexSql(base)).toBe('CREATE INDEX i ON public.t (a)');
    expect(createIndexSql({ ...base, method: 'gin' })).toBe('CREATE INDEX i ON public.t USING gin (a)');
  });

  it('prints a partial unique index with DESC NULLS LAST', () => {
    expect(
      createIndexSql({
        ...base, schema: 'app', name: 'users_email_active', table: 'users', unique: true,
        keys: [{ column: 'email', descending: true, nullsFirst: false }], where: 'deleted_at IS NULL',
      }),
    ).toBe('CREATE UNIQUE INDEX users_email_active ON app.users (email DESC NULLS LAST) WHERE (deleted_at IS NULL)');
  });

  it('prints INCLUDE, NULLS NOT DISTINCT and the options in grammar order', () => {
    expect(
      createIndexSql(
        { ...base, unique: true, include: ['b', 'C'], nullsNotDistinct: true, where: 'a > 0' },
        { concurrently: true, ifNotExists: true },
      ),
    ).toBe('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON public.t (a) INCLUDE (b, "C") NULLS NOT DISTINCT WHERE (a > 0)');
  });
});
