import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { replay } from '../../src/replay/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { dumpDifference, dumpShortfall, normalizeDump } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

const HISTORY = revisionsFromSql('oracle', [
  `CREATE TABLE accounts (id serial PRIMARY KEY, email text NOT NULL, plan text DEFAULT 'free');
   CREATE INDEX accounts_email ON accounts (email);`,
  `ALTER TABLE accounts ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();`,
]);

describe('the pg_dump oracle', () => {
  let reference: FreshDatabase;
  let converged: FreshDatabase;
  beforeAll(async () => {
    [reference, converged] = await Promise.all([freshDatabase(), freshDatabase()]);
    await runMigrations(reference.db, HISTORY);
    await apply(converged.db, replay(HISTORY).state);
  });
  afterAll(async () => {
    await reference?.drop();
    await converged?.drop();
  });

  it('dumps a real server with PostgreSQL\'s own pg_dump (schema only, no data)', async () => {
    await reference.db.exec(`INSERT INTO accounts (email) VALUES ('a@example.com')`);
    const dump = await pgDumpSchema(reference.url);
    expect(dump).toContain('CREATE TABLE public.accounts (');
    expect(dump).toContain('CREATE INDEX accounts_email ON public.accounts USING btree (email);');
    expect(dump).toMatch(/-- Dumped from database version 15\./);
    expect(dump).not.toContain('a@example.com');
  });

  it('finds the converged database equal to the one built from the history', async () => {
    expect(dumpDifference(await pgDumpSchema(reference.url), await pgDumpSchema(converged.url))).toBeUndefined();
  });

  it('catches a planted divergence that schema-sync\'s model does not describe', async () => {
    await converged.db.exec('ALTER TABLE accounts ALTER COLUMN email SET STATISTICS 500');
    const difference = dumpDifference(await pgDumpSchema(reference.url), await pgDumpSchema(converged.url));
    expect(difference).toContain('+ALTER TABLE ONLY public.accounts ALTER COLUMN email SET STATISTICS 500;');
  });

  it('catches a changed default and a missing index', async () => {
    const other = await freshDatabase();
    try {
      await runMigrations(other.db, HISTORY);
      await other.db.exec(`ALTER TABLE accounts ALTER COLUMN plan SET DEFAULT 'pro'; DROP INDEX accounts_email`);
      const difference = dumpDifference(await pgDumpSchema(reference.url), await pgDumpSchema(other.url)) ?? '';
      expect(difference).toContain(`+    plan text DEFAULT 'pro'::text`);
      expect(difference).toContain('-CREATE INDEX accounts_email ON public.accounts USING btree (email);');
    } finally {
      await other.drop();
    }
  });
});

describe('normalizeDump', () => {
  it('orders the members of a CREATE TABLE (column order after ADD COLUMN is not a difference)', () => {
    const a = 'CREATE TABLE public.t (\n    id integer NOT NULL,\n    b text,\n    a text\n);\n';
    const b = 'CREATE TABLE public.t (\n    a text,\n    id integer NOT NULL,\n    b text\n);\n';
    expect(normalizeDump(a)).toBe(normalizeDump(b));
    expect(normalizeDump(a)).toBe('CREATE TABLE public.t (\n    a text,\n    b text,\n    id integer NOT NULL\n);\n');
  });

  it('keeps every other difference, and drops only comments and blank lines', () => {
    const a = '--\n-- Name: t\n--\n\nCREATE TABLE public.t (\n    id integer\n);\nCREATE INDEX i ON public.t USING btree (id);\n';
    const b = 'CREATE TABLE public.t (\n    id bigint\n);\n';
    expect(normalizeDump(a)).toBe('CREATE TABLE public.t (\n    id integer\n);\nCREATE INDEX i ON public.t USING btree (id);\n');
    expect(dumpDifference(a, b)).toContain('-    id integer');
    expect(dumpDifference(a, a.replace(/--.*\n/g, ''))).toBeUndefined();
  });
});

describe('dumpShortfall', () => {
  const dump = (...statements: string[]): string => statements.join('\n\n') + '\n';
  const table = (...members: string[]): string => `CREATE TABLE public.t (\n${members.map((m) => `    ${m}`).join(',\n')}\n);`;

  it('accepts a database that keeps more than expected: extra statements, extra columns', () => {
    const expected = dump(table('id integer NOT NULL', 'a text'), 'CREATE INDEX i ON public.t USING btree (a);');
    const actual = dump(table('a text', 'legacy text', 'id integer NOT NULL'), 'CREATE INDEX i ON public.t USING btree (a);', 'CREATE INDEX j ON public.t USING btree (id);');
    expect(dumpShortfall(expected, actual)).toBeUndefined();
  });

  it('names what is missing or different', () => {
    const expected = dump(table('id integer NOT NULL', 'a text'), 'CREATE INDEX i ON public.t USING btree (a);');
    const actual = dump(table('id bigint NOT NULL', 'a text'));
    const shortfall = dumpShortfall(expected, actual) ?? '';
    expect(shortfall).toContain('id integer NOT NULL  (missing or different)');
    expect(shortfall).toContain('CREATE INDEX i ON public.t USING btree (a);');
    expect(shortfall).not.toContain('a text');
  });
});
