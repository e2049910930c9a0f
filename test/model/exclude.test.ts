import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseExcludeRule } from '../../src/cli/config-file.js';
import { excludeObjects } from '../../src/model/exclude.js';
import { replaySql } from '../diff/replayed-states.js';

const STATE = replaySql([
  `CREATE SCHEMA partman;
   CREATE TABLE partman.part_config (parent_table text PRIMARY KEY);
   CREATE TABLE public.users (id serial PRIMARY KEY, email text);
   CREATE INDEX users_email_idx ON public.users (email);
   CREATE TABLE public.tmp_import_1 (id int);
   CREATE TABLE public.tmp_import_2 (id int);
   CREATE TYPE public.mood AS ENUM ('ok');
   CREATE VIEW public.user_emails AS SELECT email FROM public.users;
   CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
   CREATE TRIGGER users_touch BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.touch();`,
]);

const keys = (m: ReadonlyMap<string, unknown>): string[] => [...m.keys()].sort();

describe('exclusion rules', () => {
  it('parses KIND:PATTERN, schema.name patterns and bare names', () => {
    expect(parseExcludeRule('extension:pg_stat_statements')).toEqual({ kind: 'extension', name: 'pg_stat_statements' });
    expect(parseExcludeRule('schema:partman')).toEqual({ kind: 'schema', name: 'partman' });
    expect(parseExcludeRule('table:public.tmp_*')).toEqual({ kind: 'table', schema: 'public', name: 'tmp_*' });
    expect(parseExcludeRule('materialized view:stats_*')).toEqual({ kind: 'materialized view', name: 'stats_*' });
    expect(parseExcludeRule('audit_*')).toEqual({ name: 'audit_*' });
    expect(() => parseExcludeRule('tabel:x')).toThrow('--exclude "tabel:x": unknown kind "tabel" (expected one of schema, extension, enum');
    expect(() => parseExcludeRule('table:')).toThrow('missing name pattern');
  });

  it('a schema rule removes everything in it; a table rule its indexes, triggers and owned sequences; globs match whole names', () => {
    const s = excludeObjects(STATE, [parseExcludeRule('schema:partman'), parseExcludeRule('table:public.tmp_import_?')]);
    expect(keys(s.schemas)).toEqual(['public']);
    expect(keys(s.tables)).toEqual(['public.users']);
    const u = excludeObjects(STATE, [parseExcludeRule('table:users')]);
    expect(keys(u.tables)).toEqual(['partman.part_config', 'public.tmp_import_1', 'public.tmp_import_2']);
    expect(keys(u.indexes).filter((k) => k.includes('users'))).toEqual([]);
    expect(keys(u.triggers)).toEqual([]);
    expect(keys(u.sequences)).toEqual([]);
    expect(keys(u.views)).toEqual(['public.user_emails']);
    // `tmp_*` does not match `tmp` and a pattern is anchored at both ends.
    expect(keys(excludeObjects(STATE, [parseExcludeRule('table:*import')]).tables)).toHaveLength(4);
    expect(keys(excludeObjects(STATE, [parseExcludeRule('enum:public.mood'), parseExcludeRule('function:touch')]).enums)).toEqual([]);
    expect(excludeObjects(STATE, [])).toBe(STATE);
  });
});

describe('schema-sync.json', () => {
  async function configFile(text: string): Promise<string> {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'schema-sync-config-')), 'schema-sync.json');
    await writeFile(file, text);
    return file;
  }

  it('reads exclude rules in string and object form', async () => {
    const file = await configFile(JSON.stringify({ exclude: ['extension:pg_stat_statements', { kind: 'table', schema: 'public', name: 'spatial_ref_sys' }] }));
    expect(await loadConfig(file)).toEqual({ exclude: [{ kind: 'extension', name: 'pg_stat_statements' }, { kind: 'table', schema: 'public', name: 'spatial_ref_sys' }] });
  });

  it('refuses unknown sections, bad rules and bad JSON, naming the file', async () => {
    await expect(loadConfig(await configFile('{"exlude": []}'))).rejects.toThrow(/schema-sync.json: unknown section "exlude" \(known: alembic, declaration, owners, exclude\)/);
    // The Python revisions' section belongs to their loader: accepted here.
    expect(await loadConfig(await configFile('{"alembic": {"types": {}}, "exclude": ["schema:x"]}'))).toEqual({ alembic: { types: {} }, exclude: [{ kind: 'schema', name: 'x' }] });
    await expect(loadConfig(await configFile('{"exclude": [{"kind": "tables", "name": "x"}]}'))).rejects.toThrow(/exclude\[0\]\.kind: unknown kind "tables"/);
    await expect(loadConfig(await configFile('{"exclude": [{}]}'))).rejects.toThrow(/an empty rule would exclude everything/);
    await expect(loadConfig(await configFile('{"exclude": '))).rejects.toThrow(/schema-sync.json: not valid JSON/);
    await expect(loadConfig('/nonexistent/schema-sync.json')).rejects.toThrow(/cannot read config file \/nonexistent\/schema-sync.json/);
  });
});

describe('exclusion rules for collations, operators and domains', () => {
  const state = replaySql([
    `CREATE SCHEMA ext;
     CREATE COLLATION public.c_sort (locale = 'C');
     CREATE COLLATION ext.c2 (locale = 'C');
     CREATE DOMAIN ext.d AS int;
     CREATE FUNCTION public.f(a int, b int) RETURNS boolean LANGUAGE sql AS 'SELECT a = b';
     CREATE OPERATOR public.=== (FUNCTION = public.f, LEFTARG = int, RIGHTARG = int);
     CREATE OPERATOR ext.=== (FUNCTION = public.f, LEFTARG = int, RIGHTARG = int);`,
  ]);
  it('by kind, and with their schema', () => {
    const out = excludeObjects(state, [{ kind: 'collation', name: 'c_sort' }, { kind: 'operator', schema: 'public' }, { kind: 'schema', name: 'ext' }]);
    expect([...out.collations.keys(), ...out.operators.keys(), ...out.domains.keys()]).toEqual([]);
    expect(keys(excludeObjects(state, [{ kind: 'operator', name: '===', schema: 'ext' }]).operators)).toEqual(['public.===(integer, integer)']);
  });
});
