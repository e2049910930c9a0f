import { describe, it, expect } from 'vitest';
import { loadMigrations } from '../../src/load/index.js';
import { expectUserError, revisionFile, tempFolder } from './temp-migrations.js';

const ids = (h: { revisions: readonly { id: string }[] }) => h.revisions.map((r) => r.id);

async function branchy(): Promise<string> {
  return tempFolder({
    '1.sql': revisionFile('1a2b3c', 'none'),
    '2.sql': revisionFile('1a9f00', '1a2b3c'),
    '3.sql': revisionFile('77aa00', '1a2b3c'),
    '4.sql': revisionFile('beef01', '77aa00'),
  });
}

describe('`to` option', () => {
  it('loads only the target and its ancestors, in graph order, and reports all heads', async () => {
    const dir = await branchy();
    const h = await loadMigrations(dir, { to: 'beef01' });
    expect(ids(h)).toEqual(['1a2b3c', '77aa00', 'beef01']);
    expect(h.heads).toEqual(['1a9f00', 'beef01']);
  });

  it('accepts a unique prefix', async () => {
    const dir = await branchy();
    expect(ids(await loadMigrations(dir, { to: '1a9' }))).toEqual(['1a2b3c', '1a9f00']);
    expect(ids(await loadMigrations(dir, { to: 'b' }))).toEqual(['1a2b3c', '77aa00', 'beef01']);
  });

  it('prefers an exact id over a longer id it prefixes', async () => {
    const dir = await tempFolder({ 'a.sql': revisionFile('ab', 'none'), 'b.sql': revisionFile('abc', 'ab') });
    expect(ids(await loadMigrations(dir, { to: 'ab' }))).toEqual(['ab']);
  });

  it('accepts `head` when there is one head and refuses it when there are several', async () => {
    const chain = await tempFolder({ 'a.sql': revisionFile('r1', 'none'), 'b.sql': revisionFile('r2', 'r1') });
    expect(ids(await loadMigrations(chain, { to: 'head' }))).toEqual(['r1', 'r2']);
    await expectUserError(loadMigrations(await branchy(), { to: 'head' }), '2 heads', '1a9f00', 'beef01');
  });

  it('names the candidates of an ambiguous prefix', async () => {
    const dir = await branchy();
    await expectUserError(
      loadMigrations(dir, { to: '1a' }),
      'ambiguous',
      `1a2b3c (${dir}/1.sql)`,
      `1a9f00 (${dir}/2.sql)`,
    );
  });

  it('refuses an unknown revision, saying how many exist and suggesting close ids', async () => {
    const dir = await branchy();
    const e = await expectUserError(loadMigrations(dir, { to: '77ab' }), '77ab', '4 revisions', 'did you mean 77aa00');
    expect(e.message).not.toContain('beef01');
    const none = await expectUserError(loadMigrations(dir, { to: 'zzzzzz' }), 'zzzzzz', '4 revisions');
    expect(none.message).not.toContain('did you mean');
    await expectUserError(loadMigrations(dir, { to: '  ' }), 'Empty');
  });
});
