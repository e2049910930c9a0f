import { describe, it, expect } from 'vitest';
import { loadMigrations } from '../../src/load/index.js';
import { expectUserError, revisionFile, tempFolder } from './temp-migrations.js';

describe('reading input', () => {
  it('refuses a nonexistent path, naming it', async () => {
    const dir = await tempFolder();
    await expectUserError(loadMigrations(`${dir}/missing`), 'No such file or folder', `${dir}/missing`);
    await expectUserError(loadMigrations(`${dir}/missing/deeper.sql`), `${dir}/missing/deeper.sql`);
  });

  it('strips a BOM so a header on the first line still counts, and keeps CRLF as written', async () => {
    const text = revisionFile('r1', 'none', 'SELECT 1;\n').replace(/\n/g, '\r\n');
    const dir = await tempFolder({ 'a.sql': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
    const h = await loadMigrations(dir);
    expect(h.kind).toBe('revision-folder');
    expect(h.revisions[0]!.id).toBe('r1');
    expect(h.revisions[0]!.sql).toBe('-- revision: r1\r\n-- down_revision: none\r\n-- source_file: r1_x.py\r\nSELECT 1;\r\n');
  });

  it('refuses a file that is not UTF-8, naming it', async () => {
    const dir = await tempFolder({ 'a.sql': Buffer.from([0x2d, 0x2d, 0x20, 0xff, 0xfe, 0x0a]) });
    await expectUserError(loadMigrations(dir), `${dir}/a.sql`, 'UTF-8');
  });
});
