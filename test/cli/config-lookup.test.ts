import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const REVISION = `from alembic import op
import sqlalchemy as sa

revision = 'a1'
down_revision = None


def upgrade():
    op.create_table('users', sa.Column('id', sa.Integer, primary_key=True))
    op.create_table('tmp_import', sa.Column('id', sa.Integer))
    if op.get_bind().execute(sa.text('SELECT count(*) FROM users')).scalar():
        op.create_table('legacy_users', sa.Column('id', sa.Integer))
`;

describe('one schema-sync.json, found one way, for every section', () => {
  it('the alembic settings and the exclusions come from the file at the repository root when the command runs in a subfolder', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'schema-sync-config-'));
    await mkdir(join(repo, '.git'));
    await mkdir(join(repo, 'app', 'migrations', 'versions'), { recursive: true });
    await writeFile(join(repo, 'app', 'migrations', 'versions', '0001_a1.py'), REVISION);
    const versions = join('migrations', 'versions');
    // Without the file, the database-dependent condition is an error naming the key to answer.
    const unanswered = await runCli(['state', '-m', versions], { cwd: join(repo, 'app') });
    expect(unanswered.code).toBe(1);
    expect(unanswered.stderr).toContain('"0001_a1.py:11": true or false');
    await writeFile(join(repo, 'schema-sync.json'), JSON.stringify({ alembic: { answers: { '0001_a1.py:11': true } }, exclude: ['table:tmp_*'] }));
    const r = await runCli(['state', '-m', versions], { cwd: join(repo, 'app') });
    expect(r.stderr).not.toMatch(/error|warning/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE public.legacy_users');
    expect(r.stdout).toContain('CREATE TABLE public.users');
    expect(r.stdout).not.toContain('tmp_import');
    // --config names another file for both sections.
    const other = join(repo, 'other.json');
    await writeFile(other, JSON.stringify({ alembic: { answers: { '0001_a1.py:11': false } } }));
    const o = await runCli(['state', '-m', join(repo, 'app', versions), '--config', other], { cwd: tmpdir() });
    expect(o.code).toBe(0);
    expect(o.stdout).not.toContain('legacy_users');
    expect(o.stdout).toContain('tmp_import');
  });
});
