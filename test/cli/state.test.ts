import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

async function tempHistory(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-state-'));
  for (const [name, sql] of Object.entries(files)) await writeFile(path.join(dir, name), sql);
  return dir;
}

describe('schema-sync state', () => {
  it('prints the example history as canonical DDL, byte-identical across runs', async () => {
    const a = await runCli(['state']);
    const b = await runCli(['state']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('CREATE TABLE public.organisations');
    expect(a.stderr).toMatch(/replayed 14 revisions; \d+ statements: \d+ modelled, \d+ with no schema change, 0 not modelled/);
  });

  it('prints JSON with provenance', async () => {
    const r = await runCli(['state', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(JSON.stringify(json)).toContain('alembic-versions/0001_');
  });

  it('reports a syntax error with file:line:column, the line and a caret, exit 1', async () => {
    const dir = await tempHistory({ '001_a.sql': 'CREATE TABLE a (id int);\n\nCREATE TABLE b (\n  id int,\n  name textt(,\n);\n' });
    const r = await runCli(['state', '--migrations', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${path.join(dir, '001_a.sql')}:5:14: syntax error`);
    expect(r.stderr).toContain('  name textt(,\n');
    expect(r.stderr).toMatch(/\n\s+\^\n/);
  });

  it('warns about statements it does not model, with file:line, and counts them', async () => {
    const dir = await tempHistory({
      '001_a.sql':
        'CREATE TABLE a (id int PRIMARY KEY);\nCREATE CONVERSION c FOR \'UTF8\' TO \'LATIN1\' FROM utf8_to_iso8859_1;\nINSERT INTO a VALUES (1);\n',
    });
    const r = await runCli(['state', '--migrations', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${path.join(dir, '001_a.sql')}:2:1: warning: not modelled: CreateConversion statement`);
    expect(r.stderr).toContain('3 statements: 1 modelled, 1 with no schema change, 1 not modelled');
    expect(r.stdout).toContain('CREATE TABLE public.a');
  });

  it('stops at --to and rejects an unknown format', async () => {
    const full = await runCli(['state', '-q']);
    const early = await runCli(['state', '-q', '--to', '3f1c9a2b7d40']);
    expect(early.code).toBe(0);
    expect(early.stdout.length).toBeLessThan(full.stdout.length);
    const bad = await runCli(['state', '--format', 'yaml']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown --format "yaml"');
  });

  it('reports statements PostgreSQL would reject as errors (exit 1)', async () => {
    const dir = await tempHistory({ '001_a.sql': 'ALTER TABLE missing ADD COLUMN x int;\n' });
    const r = await runCli(['state', '--migrations', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('001_a.sql:1:1: error: table public.missing does not exist');
  });
});
