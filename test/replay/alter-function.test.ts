import { describe, expect, it } from 'vitest';
import { replay } from '../../src/replay/index.js';
import { revisionsFromSql } from '../support/run-migrations.js';

const messages = (sql: string): string[] => replay(revisionsFromSql('alter', [sql])).diagnostics.map((d) => `${d.severity}: ${d.message}`);

/** ALTER FUNCTION / PROCEDURE actions replay cannot know, or PostgreSQL refuses (what it builds is checked in golden-cases.ts). */
describe('ALTER FUNCTION / PROCEDURE that replay does not apply', () => {
  const F = `CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';`;
  it('SET .. FROM CURRENT and SUPPORT are warnings at their line (the statement is not applied)', () => {
    expect(messages(`${F} ALTER FUNCTION f(int) SET work_mem FROM CURRENT;`)).toEqual([expect.stringMatching(/^warning: not modelled: ALTER FUNCTION \.\. SET \.\. FROM CURRENT/)]);
    expect(messages(`${F} ALTER FUNCTION f(int) SUPPORT s;`)).toEqual(['warning: not modelled: ALTER FUNCTION .. SUPPORT']);
  });
  it('a missing routine, or a name without arguments that fits two, is an error', () => {
    expect(messages(`ALTER FUNCTION nope() STABLE;`)).toEqual([expect.stringMatching(/^error: function public\.nope\(\) does not exist/)]);
    expect(messages(`${F} CREATE FUNCTION f(a text) RETURNS text LANGUAGE sql AS 'SELECT a'; ALTER FUNCTION f STABLE;`)).toEqual(['error: function name "f" is not unique']);
  });
});
