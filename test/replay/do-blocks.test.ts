import { describe, expect, it } from 'vitest';
import { replay } from '../../src/replay/index.js';
import { revisionsFromSql } from '../support/run-migrations.js';

/**
 * DO blocks replay cannot follow stay visible warnings at their own line, saying which construct
 * stopped it and what replay does follow; statements inside a followed block report at their own
 * line. (What replay builds from followed blocks is checked against PostgreSQL in the golden cases.)
 */
function diagnosticsOf(sql: string): { severity: string; message: string; line: number }[] {
  const result = replay(revisionsFromSql('do', [sql]));
  return result.diagnostics.map((d) => ({ severity: d.severity, message: d.message, line: d.pos.line }));
}

describe('DO blocks replay does not follow', () => {
  const cases: [string, string, string][] = [
    ['a data-dependent condition', `DO $$ BEGIN\n IF (SELECT count(*) FROM t) > 0 THEN\n  ALTER TABLE t ADD COLUMN c int;\n END IF;\nEND $$;`, 'an IF tests (SELECT count(*) FROM t) > 0'],
    ['an ELSE branch', `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 't') THEN CREATE TABLE t (a int); ELSE DROP TABLE t; END IF; END $$;`, 'ELSIF/ELSE'],
    ['a guard on a user table', `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM t) THEN CREATE TABLE u (a int); END IF; END $$;`, 'not [NOT] EXISTS (a catalog lookup)'],
    ['variables', `DO $$ DECLARE n int := 1; BEGIN ALTER TABLE t ADD COLUMN c int; END $$;`, 'it declares variables'],
    ['an assignment', `DO $$ DECLARE n int; BEGIN n := 1; END $$;`, 'it uses variables'],
    ['a loop', `DO $$ BEGIN FOR i IN 1..3 LOOP RAISE NOTICE '%', i; END LOOP; END $$;`, 'it uses a loop'],
    ['dynamic SQL', `DO $$ BEGIN EXECUTE 'CREATE TABLE ' || 't2' || ' (a int)'; END $$;`, 'EXECUTE runs SQL built at run time'],
    ['a handler that does work', `DO $$ BEGIN CREATE TABLE t3 (a int); EXCEPTION WHEN duplicate_table THEN DROP TABLE t3; END $$;`, 'does more than ignore the error'],
    ['another language', `DO LANGUAGE sql $$ SELECT 1 $$;`, 'written in sql'],
  ];
  for (const [what, sql, why] of cases) {
    it(`warns for ${what}, naming it, with the hint`, () => {
      const [d, ...rest] = diagnosticsOf(`CREATE TABLE t (id int);\n${sql}`);
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ severity: 'warning', line: 2 });
      expect(d!.message).toContain('not modelled: DO statement');
      expect(d!.message).toContain(why);
      expect(d!.message).toContain('Replay follows DO blocks made of plain statements');
    });
  }
});

describe('DO blocks replay follows', () => {
  it('reports a statement inside the block at its own line', () => {
    const sql = `CREATE TABLE t (id int);\nDO $$\nBEGIN\n  ALTER TABLE t ADD COLUMN c int;\n  ALTER TABLE missing ADD COLUMN d int;\nEND $$;`;
    expect(diagnosticsOf(sql)).toEqual([{ severity: 'error', message: expect.stringContaining('missing'), line: 5 }]);
  });

  it('skips a guarded creation of what exists, and reports an unguarded one', () => {
    const guarded = `CREATE TYPE e AS ENUM ('a');\nDO $$ BEGIN CREATE TYPE e AS ENUM ('b'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;`;
    const state = replay(revisionsFromSql('do', [guarded])).state;
    expect([...state.enums.values()].map((e) => e.values)).toEqual([['a']]);
    expect(diagnosticsOf(guarded)).toEqual([]);
    const unguarded = `CREATE TABLE t (id int);\nDO $$ BEGIN CREATE TABLE t (id int); END $$;`;
    expect(diagnosticsOf(unguarded)).toEqual([{ severity: 'error', message: expect.stringContaining('already exists'), line: 2 }]);
  });

  it('a NOT EXISTS guard does not hide other errors of the statement it guards', () => {
    const sql = `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'i') THEN CREATE INDEX i ON nowhere (a); END IF; END $$;`;
    expect(diagnosticsOf(sql)).toEqual([{ severity: 'error', message: expect.stringContaining('does not exist'), line: 1 }]);
  });

  it('warns for a statement inside the block that replay does not model, at its line', () => {
    const sql = `DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN\n    CREATE ROLE app;\n  END IF;\nEND $$;`;
    expect(diagnosticsOf(sql)).toEqual([{ severity: 'warning', message: expect.stringContaining('not modelled: CREATE ROLE statement (replay continues without it): not managed by schema-sync'), line: 4 }]);
  });
});
