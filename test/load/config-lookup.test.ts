import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile } from '../../src/load/config-lookup.js';

describe('the one rule for finding schema-sync.json', () => {
  it('--config first; else the nearest at or above the working directory, up to the repository root', async () => {
    const outer = await mkdtemp(join(tmpdir(), 'schema-sync-lookup-'));
    const repo = join(outer, 'repo');
    await mkdir(join(repo, '.git'), { recursive: true });
    await mkdir(join(repo, 'app', 'alembic', 'versions'), { recursive: true });
    await writeFile(join(outer, 'schema-sync.json'), '{}');
    // Above the repository root does not count: no file in the repository means none.
    expect(findConfigFile(undefined, join(repo, 'app', 'alembic'))).toBeUndefined();
    await writeFile(join(repo, 'schema-sync.json'), '{}');
    expect(findConfigFile(undefined, join(repo, 'app', 'alembic', 'versions'))).toBe(join(repo, 'schema-sync.json'));
    expect(findConfigFile(undefined, repo)).toBe(join(repo, 'schema-sync.json'));
    await writeFile(join(repo, 'app', 'schema-sync.json'), '{}');
    expect(findConfigFile(undefined, join(repo, 'app', 'alembic'))).toBe(join(repo, 'app', 'schema-sync.json'));
    expect(findConfigFile('elsewhere.json', join(repo, 'app'))).toBe('elsewhere.json');
    // A worktree's .git is a file: it marks the root too.
    const wt = join(outer, 'worktree');
    await mkdir(join(wt, 'sub'), { recursive: true });
    await writeFile(join(wt, '.git'), 'gitdir: /somewhere\n');
    expect(findConfigFile(undefined, join(wt, 'sub'))).toBeUndefined();
  });
});
