import { describe, it, expect } from 'vitest';
import { loadMigrations } from '../../src/load/index.js';
import { expectUserError, revisionFile, tempFolder } from './temp-migrations.js';

const ids = (h: { revisions: readonly { id: string }[] }) => h.revisions.map((r) => r.id);

describe('folder of revision files with headers', () => {
  it('orders a chain by the graph, not by file name', async () => {
    const dir = await tempFolder({
      'a.sql': revisionFile('ccc', 'bbb'),
      'b.sql': revisionFile('aaa', 'none'),
      'c.sql': revisionFile('bbb', 'aaa'),
    });
    const h = await loadMigrations(dir);
    expect(h.kind).toBe('revision-folder');
    expect(h.source).toBe(dir);
    expect(ids(h)).toEqual(['aaa', 'bbb', 'ccc']);
    expect(h.heads).toEqual(['ccc']);
    expect(h.revisions[1]).toMatchObject({ parents: ['aaa'], file: `${dir}/c.sql`, startLine: 1 });
    expect(h.revisions[1]!.sql).toContain('CREATE TABLE t_bbb');
  });

  it('puts both branches before their merge, breaking ties by file-name order', async () => {
    const dir = await tempFolder({
      '1_base.sql': revisionFile('base', 'None'),
      '2_right.sql': revisionFile('right', 'base'),
      '3_left.sql': revisionFile('left', 'base'),
      '4_merge.sql': revisionFile('merge', "('left', 'right')"),
      '5_after.sql': revisionFile('after', 'merge'),
    });
    const h = await loadMigrations(dir);
    expect(ids(h)).toEqual(['base', 'right', 'left', 'merge', 'after']);
    expect(h.revisions[3]!.parents).toEqual(['left', 'right']);
  });

  it('tie-breaks among ready revisions by file-name order, not root by root', async () => {
    // After a runs, x (file 2) and b (file 3) are both ready: x goes first because its file sorts first.
    const dir = await tempFolder({
      '3_b.sql': revisionFile('b', ''),
      '10_m.sql': revisionFile('m', 'x, b'),
      '1_a.sql': revisionFile('a', 'none'),
      '2_x.sql': revisionFile('x', 'a'),
    });
    const h = await loadMigrations(dir);
    expect(ids(h)).toEqual(['a', 'x', 'b', 'm']);
    expect(h.heads).toEqual(['m']);
  });

  it('runs a revision whose file sorts first as soon as it becomes ready', async () => {
    const dir = await tempFolder({
      '1_z.sql': revisionFile('z', 'y'),
      '2_y.sql': revisionFile('y', 'none'),
      '3_w.sql': revisionFile('w', 'none'),
      '4_m.sql': revisionFile('m', 'z, w'),
    });
    expect(ids(await loadMigrations(dir))).toEqual(['y', 'z', 'w', 'm']);
  });

  it('accepts the down_revision forms Alembic users write', async () => {
    const forms: [string, string[]][] = [
      ['none', []],
      ['None', []],
      ['', []],
      ["'r0'", ['r0']],
      ['r0, r1', ['r0', 'r1']],
      ['("r0", "r1")', ['r0', 'r1']],
      ["['r0', 'r1',]", ['r0', 'r1']],
      ["('r0',)", ['r0']],
    ];
    for (const [form, parents] of forms) {
      const dir = await tempFolder({
        'a.sql': revisionFile('r0', 'none'),
        'b.sql': revisionFile('r1', 'r0'),
        'z.sql': revisionFile('x', form),
      });
      const h = await loadMigrations(dir, { to: 'x' });
      expect(h.revisions.at(-1)!.parents, form).toEqual(parents);
    }
  });

  it('reads headers after blank lines and other comments, with "=" and quotes', async () => {
    const dir = await tempFolder({
      'a.sql': "\n-- generated\n-- Revision = 'r1'\n-- DOWN_REVISION = None\nSELECT 1;\n",
      'b.sql': '-- down_revision: r1\n-- revision: r2\nSELECT 2;\n',
    });
    const h = await loadMigrations(dir);
    expect(ids(h)).toEqual(['r1', 'r2']);
  });

  it('ignores header-like comments after the first SQL line', async () => {
    const dir = await tempFolder({
      'a.sql': revisionFile('r1', 'none', 'SELECT 1;\n-- revision: other\n'),
    });
    expect(ids(await loadMigrations(dir))).toEqual(['r1']);
  });

  it('keeps a relative folder path relative in file names', async () => {
    const dir = await tempFolder({ 'a.sql': revisionFile('r1', 'none') });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const h = await loadMigrations('.');
      expect(h.revisions[0]!.file).toBe('./a.sql');
      const h2 = await loadMigrations('./');
      expect(h2.revisions[0]!.file).toBe('./a.sql');
    } finally {
      process.chdir(cwd);
    }
  });

  it('only reads .sql files directly in the folder', async () => {
    const dir = await tempFolder({
      'a.sql': revisionFile('r1', 'none'),
      'notes.txt': 'x',
      'sub/': '',
      'B.SQL': revisionFile('r2', 'r1'),
    });
    expect(ids(await loadMigrations(dir))).toEqual(['r1', 'r2']);
  });
});

describe('revision folder errors', () => {
  it('reports a cycle with the files involved', async () => {
    const dir = await tempFolder({
      'a.sql': revisionFile('root', 'none'),
      'b.sql': revisionFile('x', 'z'),
      'c.sql': revisionFile('y', 'x'),
      'd.sql': revisionFile('z', 'y, root'),
    });
    const e = await expectUserError(loadMigrations(dir), 'cycle', `${dir}/b.sql`, `${dir}/c.sql`, `${dir}/d.sql`);
    expect(e.message).not.toContain('a.sql');
    expect(e.pos?.line).toBe(2);
  });

  it('reports a revision that is its own parent', async () => {
    const dir = await tempFolder({ 'a.sql': revisionFile('x', 'x') });
    await expectUserError(loadMigrations(dir), 'cycle', `${dir}/a.sql`);
  });

  it('names the file that refers to an unknown parent', async () => {
    const dir = await tempFolder({
      'a.sql': revisionFile('r1', 'none'),
      'b.sql': revisionFile('r2', 'r1, ghost'),
    });
    const e = await expectUserError(loadMigrations(dir), `${dir}/b.sql:2`, 'ghost');
    expect(e.pos).toEqual({ file: `${dir}/b.sql`, line: 2 });
  });

  it('names both files of a duplicate revision id', async () => {
    const dir = await tempFolder({
      'a.sql': revisionFile('r1', 'none'),
      'b.sql': revisionFile('r1', 'none'),
    });
    const e = await expectUserError(loadMigrations(dir), 'r1', `${dir}/a.sql`, `${dir}/b.sql`);
    expect(e.pos).toEqual({ file: `${dir}/b.sql`, line: 1 });
  });

  it('lists every head with its file:line and suggests --to', async () => {
    const dir = await tempFolder({
      'a.sql': revisionFile('base', 'none'),
      'b.sql': revisionFile('left', 'base'),
      'c.sql': revisionFile('right', 'base'),
    });
    await expectUserError(loadMigrations(dir), '2 heads', `left (${dir}/b.sql:1)`, `right (${dir}/c.sql:1)`, '--to');
  });

  it('refuses a mix of files with and without headers, naming those without', async () => {
    const dir = await tempFolder({
      'a.sql': revisionFile('r1', 'none'),
      'b.sql': 'SELECT 1;\n',
    });
    await expectUserError(loadMigrations(dir), 'mixes', `${dir}/b.sql`, `${dir}/a.sql`);
  });

  it('refuses half a header and repeated headers, with file:line', async () => {
    const onlyId = await tempFolder({ 'a.sql': '-- revision: r1\nSELECT 1;\n' });
    let e = await expectUserError(loadMigrations(onlyId), `${onlyId}/a.sql`, 'down_revision');
    expect(e.pos).toEqual({ file: `${onlyId}/a.sql`, line: 1 });
    const onlyDown = await tempFolder({ 'a.sql': '\n-- down_revision: r0\nSELECT 1;\n' });
    e = await expectUserError(loadMigrations(onlyDown), `${onlyDown}/a.sql`, 'no "-- revision:"');
    expect(e.pos?.line).toBe(2);
    const twice = await tempFolder({ 'a.sql': '-- revision: r1\n-- revision: r2\n-- down_revision: none\n' });
    e = await expectUserError(loadMigrations(twice), `${twice}/a.sql`, 'two');
    expect(e.pos?.line).toBe(2);
  });

  it('refuses a malformed revision id in a header', async () => {
    const dir = await tempFolder({ 'a.sql': '-- revision: r1\n-- down_revision: a;b\n' });
    const e = await expectUserError(loadMigrations(dir), 'a;b', `${dir}/a.sql`, 'not a valid revision id');
    expect(e.pos).toEqual({ file: `${dir}/a.sql`, line: 2 });
  });
});
