import { describe, expect, it } from 'vitest';
import { classifyTypeChange } from '../../src/diff/type-change.js';

describe('classifyTypeChange', () => {
  it.each([
    ['character varying(3)', 'character varying(8)', 'widen'],
    ['character varying(3)', 'text', 'widen'],
    ['text', 'character varying', 'widen'],
    ['character varying(20)', 'character varying', 'widen'],
    ['bit varying(4)', 'bit varying(16)', 'widen'],
    ['numeric(10,2)', 'numeric(12,2)', 'widen'],
    ['numeric(10,2)', 'numeric', 'widen'],
    ['timestamp(3) with time zone', 'timestamp with time zone', 'widen'],
    ['character varying(100)[]', 'character varying(200)[]', 'widen'],
    ['character varying(100)', 'character varying(20)', 'narrow'],
    ['text', 'character varying(10)', 'narrow'],
    ['character(30)', 'character(5)', 'narrow'],
    ['bit varying(16)', 'bit varying(4)', 'narrow'],
    ['numeric(10,4)', 'numeric(10,2)', 'narrow'],
    ['numeric', 'numeric(10,2)', 'narrow'],
    ['timestamp without time zone', 'timestamp(0) without time zone', 'narrow'],
    ['bigint', 'integer', 'narrow'],
    ['double precision', 'real', 'narrow'],
    ['text', 'character(5)', 'narrow'],
    ['character(5)', 'character(9)', 'convert'],
    ['integer', 'bigint', 'convert'],
    ['text', 'integer', 'convert'],
    ['character varying(500)', 'text[]', 'convert'],
  ] as const)('%s -> %s: %s', (from, to, kind) => {
    expect(classifyTypeChange(from, to)).toBe(kind);
  });
});
