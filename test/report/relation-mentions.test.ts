import { describe, expect, it } from 'vitest';
import { mayMention } from '../../src/report/relation-mentions.js';

const rel = (schema: string, name: string) => ({ schema, name });

describe('mayMention', () => {
  it('sees unqualified and own-schema-qualified names, quoted or not', () => {
    expect(mayMention('SELECT * FROM v1', rel('public', 'v1'))).toBe(true);
    expect(mayMention('SELECT * FROM app.v1', rel('app', 'v1'))).toBe(true);
    expect(mayMention('SELECT * FROM app."Big View"', rel('app', 'Big View'))).toBe(true);
    expect(mayMention('SELECT * FROM "Sales"."a""b"', rel('Sales', 'a"b'))).toBe(true);
    expect(mayMention('SELECT * FROM V1', rel('public', 'v1'))).toBe(true);
  });

  it('ignores other schemas, column qualifiers, strings, comments and case mismatches of quoted names', () => {
    expect(mayMention('SELECT * FROM other.v1', rel('app', 'v1'))).toBe(false);
    expect(mayMention('SELECT t.v1 FROM t', rel('public', 'v1'))).toBe(false);
    expect(mayMention("SELECT 'v1', E'it\\'s v1' FROM t", rel('public', 'v1'))).toBe(false);
    expect(mayMention('SELECT 1 -- v1\n/* v1 */', rel('public', 'v1'))).toBe(false);
    expect(mayMention('SELECT $$v1$$', rel('public', 'v1'))).toBe(false);
    expect(mayMention('SELECT * FROM "V1"', rel('public', 'v1'))).toBe(false);
    expect(mayMention('SELECT * FROM db.app.v1', rel('app', 'v1'))).toBe(false);
    // only ASCII letters fold: unquoted Ä stays Ä
    expect(mayMention('SELECT * FROM Ä', rel('public', 'ä'))).toBe(false);
    expect(mayMention('SELECT * FROM Ä', rel('public', 'Ä'))).toBe(true);
  });
});
