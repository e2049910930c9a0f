import { describe, expect, it } from 'vitest';
import { replay } from '../../src/replay/index.js';
import { refusedLikePostgres, type RefusedCase } from '../support/refused-like-postgres.js';
import { revisionsFromSql } from '../support/run-migrations.js';

/** Privilege statements PostgreSQL refuses: replay must report an error for each, as the server does. */
const REFUSED: readonly RefusedCase[] = [
  { name: 'column privileges ON SEQUENCE', sql: 'CREATE SEQUENCE q; GRANT SELECT (last_value) ON SEQUENCE q TO PUBLIC;', message: /column privileges are only valid for relations/ },
  { name: 'column privileges ON SCHEMA', sql: 'CREATE SCHEMA app; GRANT USAGE (a) ON SCHEMA app TO PUBLIC;', message: /column privileges are only valid for relations/ },
  { name: 'column privileges ON FUNCTION', sql: `CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'; GRANT EXECUTE (a) ON FUNCTION f() TO PUBLIC;`, message: /column privileges are only valid for relations/ },
  { name: 'column privileges ON TYPE', sql: `CREATE TYPE mood AS ENUM ('a'); GRANT USAGE (a) ON TYPE mood TO PUBLIC;`, message: /column privileges are only valid for relations/ },
  { name: 'a column a sequence lacks, named ON TABLE', sql: 'CREATE SEQUENCE q; GRANT SELECT (a) ON q TO PUBLIC;', message: /column "a" of relation "q" does not exist/ },
];

describe('replay refuses the privilege statements PostgreSQL refuses', () => {
  refusedLikePostgres(REFUSED);

  it('column privileges on a sequence\'s own columns: a warning that says why', () => {
    const r = replay(revisionsFromSql('warned', ['CREATE SEQUENCE q; GRANT SELECT (last_value) ON q TO PUBLIC;']));
    expect(r.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      expect.stringMatching(/^warning: not modelled: column privileges on sequence public\.q: its columns \(last_value, log_cnt, is_called\) are the sequence's state/),
    ]);
  });
});
