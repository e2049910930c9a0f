import { describe, it, expect } from 'vitest';
import { loadMigrations } from '../../src/load/index.js';
import { expectUserError, tempFolder } from './temp-migrations.js';

describe('folder of plain .sql files', () => {
  it('orders files naturally and chains each to the previous one', async () => {
    const dir = await tempFolder({
      '10_c.sql': 'SELECT 10;\n',
      '2_b.sql': 'SELECT 2;\n',
      '1_a.sql': 'SELECT 1;\n',
    });
    const h = await loadMigrations(dir);
    expect(h.kind).toBe('plain-folder');
    expect(h.revisions.map((r) => [r.id, r.parents])).toEqual([
      ['1_a', []],
      ['2_b', ['1_a']],
      ['10_c', ['2_b']],
    ]);
    expect(h.revisions[2]).toMatchObject({ file: `${dir}/10_c.sql`, sql: 'SELECT 10;\n', startLine: 1 });
    expect(h.heads).toEqual(['10_c']);
  });

  it('stops at `to`, by id or unique prefix', async () => {
    const dir = await tempFolder({ '1_a.sql': '', '2_b.sql': '', '3_c.sql': '' });
    expect((await loadMigrations(dir, { to: '2_b' })).revisions.map((r) => r.id)).toEqual(['1_a', '2_b']);
    const h = await loadMigrations(dir, { to: '1' });
    expect(h.revisions.map((r) => r.id)).toEqual(['1_a']);
    expect(h.heads).toEqual(['3_c']);
  });

  it('refuses an empty folder and a folder without .sql files', async () => {
    const empty = await tempFolder();
    await expectUserError(loadMigrations(empty), 'No .sql files', empty, 'empty');
    const other = await tempFolder({ 'README.md': '#', 'x/': '' });
    await expectUserError(loadMigrations(other), 'No .sql files', other, '2 other entries');
  });
});
