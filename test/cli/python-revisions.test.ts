import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('schema-sync state on Alembic .py revisions', () => {
  it('prints the schema and lists skipped data-side code with file:line', async () => {
    const r = await runCli(['state', '--migrations', 'test/fixtures/alembic-py/evaluator/versions', '--config', 'test/fixtures/alembic-py/evaluator/schema-sync.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE public.colour_red');
    expect(r.stderr).toContain('note: test/fixtures/alembic-py/evaluator/versions/b2_data.py:22: data-side code not replayed: conn.commit()');
    expect(r.stderr).toMatch(/replayed 2 revisions; \d+ statements: \d+ modelled, \d+ with no schema change, 0 not modelled/);
  });

  it('reports what it cannot evaluate with file:line, exit 1, nothing on stdout', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-py-'));
    const file = path.join(dir, 'a1_first.py');
    await writeFile(file, 'from alembic import op\nimport sqlalchemy as sa\nfrom app.types import Money\n\nrevision = "a1"\ndown_revision = None\n\ndef upgrade():\n    op.add_column("t", sa.Column("m", Money()))\n');
    const r = await runCli(['state', '--migrations', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:9`);
    expect(r.stderr).toContain('app.types.Money');
  });
});
