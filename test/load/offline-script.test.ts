import { readFile } from 'node:fs/promises';
import { describe, it, expect } from 'vitest';
import { loadMigrations } from '../../src/load/index.js';
import { expectUserError, tempFolder } from './temp-migrations.js';

const PRELUDE = `BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

`;

const SCRIPT =
  PRELUDE +
  `-- Running upgrade  -> aaa111

CREATE TABLE a (id int);

INSERT INTO alembic_version (version_num) VALUES ('aaa111');

-- Running upgrade aaa111 -> bbb222

CREATE TABLE b (id int);

-- Running upgrade aaa111 -> ccc333

CREATE TABLE c (id int);

-- Running upgrade bbb222, ccc333 -> ddd444

ALTER TABLE a ADD COLUMN x int;

UPDATE alembic_version SET version_num='ddd444' WHERE alembic_version.version_num = 'bbb222';

COMMIT;
`;

async function script(text: string | Uint8Array, name = 'offline.sql'): Promise<string> {
  const dir = await tempFolder({ [name]: text });
  return `${dir}/${name}`;
}

/** The file's line `n` (1-based), read back independently of the loader. */
async function lineOf(file: string, n: number): Promise<string> {
  return (await readFile(file, 'utf8')).split(/\r?\n/)[n - 1]!;
}

describe('offline script', () => {
  it('splits at Running upgrade markers with ids, parents and merge parents', async () => {
    const file = await script(SCRIPT);
    const h = await loadMigrations(file);
    expect(h.kind).toBe('offline-script');
    expect(h.source).toBe(file);
    expect(h.revisions.map((r) => [r.id, r.parents])).toEqual([
      ['aaa111', []],
      ['bbb222', ['aaa111']],
      ['ccc333', ['aaa111']],
      ['ddd444', ['bbb222', 'ccc333']],
    ]);
    expect(h.heads).toEqual(['ddd444']);
    expect(h.revisions.every((r) => r.file === file)).toBe(true);
  });

  it('prepends the prelude to the first revision and keeps startLine exact', async () => {
    const file = await script(SCRIPT);
    const [a, b, c, d] = (await loadMigrations(file)).revisions;
    expect(a!.startLine).toBe(1);
    expect(a!.sql.startsWith('BEGIN;\n\nCREATE TABLE alembic_version')).toBe(true);
    expect(a!.sql).toContain('-- Running upgrade  -> aaa111');
    expect(a!.sql).not.toContain('bbb222');
    expect(await lineOf(file, b!.startLine)).toBe('-- Running upgrade aaa111 -> bbb222');
    expect(await lineOf(file, c!.startLine)).toBe('-- Running upgrade aaa111 -> ccc333');
    expect(await lineOf(file, d!.startLine)).toBe('-- Running upgrade bbb222, ccc333 -> ddd444');
    expect(d!.sql.trimEnd().endsWith('COMMIT;')).toBe(true);
    // Chunks tile the file: joined back together they are the whole script.
    expect([a, b, c, d].map((r) => r!.sql).join('')).toBe(SCRIPT);
    // Every line of every chunk sits at startLine + offset in the file.
    const fileLines = SCRIPT.split('\n');
    for (const r of [a, b, c, d]) {
      const lines = r!.sql.replace(/\n$/, '').split('\n');
      lines.forEach((l, i) => expect(fileLines[r!.startLine - 1 + i]).toBe(l));
    }
  });

  it('keeps line numbers right with CRLF and a BOM', async () => {
    const crlf = SCRIPT.replace(/\n/g, '\r\n');
    const file = await script(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]));
    const h = await loadMigrations(file);
    // CRLF is kept as written: PostgreSQL stores it inside function bodies and string literals.
    expect(h.revisions[0]!.sql.startsWith('BEGIN;\r\n')).toBe(true);
    expect(h.revisions.every((r) => !/[^\r]\n/.test(r.sql))).toBe(true);
    for (const r of h.revisions.slice(1)) {
      expect(await lineOf(file, r.startLine)).toMatch(new RegExp(`^-- Running upgrade .* -> ${r.id}$`));
    }
  });

  it('starts the first chunk at its marker when there is no prelude', async () => {
    const file = await script('-- Running upgrade  -> r1\nSELECT 1;\n-- Running upgrade r1 -> r2\nSELECT 2;\n');
    const h = await loadMigrations(file);
    expect(h.revisions.map((r) => [r.id, r.startLine, r.sql])).toEqual([
      ['r1', 1, '-- Running upgrade  -> r1\nSELECT 1;\n'],
      ['r2', 3, '-- Running upgrade r1 -> r2\nSELECT 2;\n'],
    ]);
  });

  it('treats a script without markers as one revision named after the file', async () => {
    const file = await script('CREATE TABLE t (id int);\n', '0001_init.sql');
    const h = await loadMigrations(file);
    expect(h.revisions).toEqual([
      { id: '0001_init', parents: [], file, sql: 'CREATE TABLE t (id int);\n', startLine: 1 },
    ]);
    expect(h.heads).toEqual(['0001_init']);
  });

  it('allows a first parent outside the script (a ranged upgrade)', async () => {
    const file = await script('-- Running upgrade r1 -> r2\nSELECT 2;\n-- Running upgrade r2 -> r3\nSELECT 3;\n');
    const h = await loadMigrations(file);
    expect(h.revisions.map((r) => r.id)).toEqual(['r2', 'r3']);
    expect(h.revisions[0]!.parents).toEqual(['r1']);
  });

  it('cuts at `to` and keeps only its ancestors', async () => {
    const file = await script(SCRIPT);
    expect((await loadMigrations(file, { to: 'bbb' })).revisions.map((r) => r.id)).toEqual(['aaa111', 'bbb222']);
    // ccc333 sits after bbb222 in the file but is not one of its ancestors... and bbb222 is not one of ccc333's.
    const h = await loadMigrations(file, { to: 'ccc333' });
    expect(h.revisions.map((r) => r.id)).toEqual(['aaa111', 'ccc333']);
    expect(h.heads).toEqual(['ddd444']);
  });

  it('refuses a duplicate revision id, naming the file and both lines', async () => {
    const file = await script('-- Running upgrade  -> r1\n\n-- Running upgrade r1 -> r1\n');
    const e = await expectUserError(loadMigrations(file), 'r1', file, 'lines 1 and 3');
    expect(e.pos).toEqual({ file, line: 3 });
  });

  it('refuses a revision that runs before its parent', async () => {
    const file = await script('-- Running upgrade r2 -> r3\n-- Running upgrade  -> r2\n');
    const e = await expectUserError(loadMigrations(file), 'r3', 'before its parent r2', file);
    expect(e.pos).toEqual({ file, line: 1 });
  });

  it('refuses a downgrade script and a malformed marker, with file:line', async () => {
    const down = await script('BEGIN;\n-- Running downgrade r2 -> r1\n');
    let e = await expectUserError(loadMigrations(down), 'downgrade', down);
    expect(e.pos).toEqual({ file: down, line: 2 });
    const bad = await script('SELECT 1;\n\n-- Running upgrade r1 ->\n');
    e = await expectUserError(loadMigrations(bad), 'empty', bad);
    expect(e.pos).toEqual({ file: bad, line: 3 });
  });

  it('refuses an empty script', async () => {
    const file = await script('\n  \n');
    await expectUserError(loadMigrations(file), file, 'empty');
  });
});
