import { describe, expect, it } from 'vitest';
import { replay } from '../../src/replay/index.js';
import { historyConvergence } from '../support/history-convergence.js';
import { refusedLikePostgres, type RefusedCase } from '../support/refused-like-postgres.js';
import { revisionsFromSql } from '../support/run-migrations.js';

/** A base type made the way PostgreSQL's own tests make one: a shell, its input and output functions, then the type. */
const BASE_TYPE = `CREATE TYPE b;
  CREATE FUNCTION b_in(cstring) RETURNS b LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
  CREATE FUNCTION b_out(b) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
  CREATE TYPE b (INPUT = b_in, OUTPUT = b_out, LIKE = int4);`;

/**
 * Shell types (`CREATE TYPE t;`) are not modelled, but the replay knows they exist: DROP TYPE
 * drops one, COMMENT ON TYPE is taken (a warning says it is not applied), and any CREATE TYPE /
 * DOMAIN of the name fills it in, keeping its comment (PostgreSQL updates the shell's pg_type row
 * in place). A base type's input and output functions depend on it: DROP TYPE .. CASCADE drops them.
 */
const HISTORY = revisionsFromSql('shell-types', [
  `CREATE TYPE mood; COMMENT ON TYPE mood IS 'on the shell only'; DROP TYPE mood; CREATE TYPE mood AS (a int);
   CREATE TYPE gone; DROP TYPE IF EXISTS gone; DROP TYPE IF EXISTS gone;`,
  `CREATE TYPE status; COMMENT ON TYPE status IS 'kept from the shell'; CREATE TYPE status AS ENUM ('on', 'off');
   CREATE TYPE span; COMMENT ON TYPE span IS 'a range keeps it too'; CREATE TYPE span AS RANGE (SUBTYPE = int4);
   CREATE TYPE pos; COMMENT ON TYPE pos IS 'and a domain'; CREATE DOMAIN pos AS int CHECK (VALUE > 0);
   CREATE TYPE pair; COMMENT ON TYPE pair IS 'dropped'; COMMENT ON TYPE pair IS NULL; CREATE TYPE pair AS (x int, y int);`,
  `${BASE_TYPE} COMMENT ON TYPE b IS 'a base type'; DROP TYPE b CASCADE;`,
]);

describe('shell types: DROP, COMMENT and a CREATE that fills one in converge (judged by pg_dump)', () => {
  historyConvergence(HISTORY, { from: [0, 1, 2, 3] });

  it('keeps the comment a shell had on the type that fills it in, and none on a dropped shell\'s successor', () => {
    const { state, diagnostics } = replay(HISTORY);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(state.enums.get('public.status')?.comment).toBe('kept from the shell');
    expect(state.rangeTypes.get('public.span')?.comment).toBe('a range keeps it too');
    expect(state.domains.get('public.pos')?.comment).toBe('and a domain');
    expect(state.compositeTypes.get('public.mood')?.comment).toBeUndefined();
    expect(state.compositeTypes.get('public.pair')?.comment).toBeUndefined();
    expect([...state.functions.keys()]).toEqual([]);
  });

  it('warns, with a reason, that the shell and base types and a comment on them are not managed', () => {
    const warnings = replay(revisionsFromSql('shell-warnings', [`${BASE_TYPE} COMMENT ON TYPE b IS 'x'; CREATE TYPE s; COMMENT ON TYPE s IS 'y';`])).diagnostics;
    expect(warnings.map((d) => [d.severity, d.message.replace(/:.*/s, '')])).toEqual([
      ['warning', 'not modelled'], ['warning', 'not modelled'], ['warning', 'not modelled'], ['warning', 'not modelled'], ['warning', 'not modelled'],
    ]);
    const [shell, base, baseComment, , shellComment] = warnings.map((d) => d.message);
    expect(shell).toMatch(/^not modelled: CREATE TYPE \(a shell type\) statement \(replay continues without it\): not managed by schema-sync: .*shell type only stands in/);
    expect(base).toMatch(/^not modelled: CREATE TYPE \(a base type\) statement \(replay continues without it\): not managed by schema-sync: a base type is made of input and output functions/);
    expect(baseComment).toMatch(/^not modelled: COMMENT ON TYPE public\.b: a base type the history creates, .* its comment is neither applied nor checked/);
    expect(shellComment).toMatch(/^not modelled: COMMENT ON TYPE public\.s: a shell type .* neither applied nor checked while it is a shell/);
  });
});

/** What PostgreSQL refuses around shell and base types: replay reports the same error. */
const REFUSED: readonly RefusedCase[] = [
  { name: 'DROP TYPE of a shell already dropped', sql: `CREATE TYPE t; DROP TYPE t; DROP TYPE t;`, message: /type "?(public\.)?t"? does not exist/ },
  { name: 'a shell type made twice', sql: `CREATE TYPE t; CREATE TYPE t;`, message: /type "t" already exists/ },
  { name: 'DROP TYPE of a filled-in shell, twice', sql: `CREATE TYPE t; CREATE TYPE t AS ENUM ('a'); DROP TYPE t; DROP TYPE t;`, message: /type "?(public\.)?t"? does not exist/ },
  { name: 'DROP TYPE of a base type its functions use, without CASCADE', sql: `${BASE_TYPE} DROP TYPE b;`, message: /cannot drop type (public\.)?b because other objects depend on it/ },
  { name: 'an enum named like a base type', sql: `${BASE_TYPE} CREATE TYPE b AS ENUM ('x');`, message: /type "?(public\.)?b"? already exists/ },
];

describe('replay refuses the shell and base type statements PostgreSQL refuses', () => {
  refusedLikePostgres(REFUSED);
});
