import { describe, expect, it } from 'vitest';
import { columnTypeText } from '../../src/introspect/column-type.js';

const base = { isArray: false, typmod: -1 };

describe('columnTypeText', () => {
  it('uses format_type verbatim for built-in types', () => {
    expect(columnTypeText({ ...base, formatted: 'character varying(100)', elementSchema: 'pg_catalog', elementName: 'varchar', typmod: 104 }))
      .toBe('character varying(100)');
    expect(columnTypeText({ ...base, formatted: 'integer[]', elementSchema: 'pg_catalog', elementName: 'int4', isArray: true }))
      .toBe('integer[]');
  });

  it('always qualifies other types, whatever format_type printed', () => {
    expect(columnTypeText({ ...base, formatted: 'mood[]', elementSchema: 'public', elementName: 'mood', isArray: true }))
      .toBe('public.mood[]');
    expect(columnTypeText({ ...base, formatted: '"Weird Type"', elementSchema: 'My App', elementName: 'Weird Type' }))
      .toBe('"My App"."Weird Type"');
  });

  it('keeps the typmod of a user type (e.g. pgvector)', () => {
    expect(columnTypeText({ formatted: 'ext.vector(3)[]', elementSchema: 'ext', elementName: 'vector', isArray: true, typmod: 3 }))
      .toBe('ext.vector(3)[]');
  });
});
