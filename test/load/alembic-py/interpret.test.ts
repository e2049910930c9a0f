import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../../src/load/index.js';
import { replay } from '../../../src/replay/index.js';
import { expectUserError, tempFolder } from '../temp-migrations.js';

const HEAD = (id: string, down: string | null) =>
  `from alembic import op\nimport sqlalchemy as sa\n\nrevision = '${id}'\ndown_revision = ${down === null ? 'None' : `'${down}'`}\n\n\n`;

describe('provenance', () => {
  it('statements point at the .py line of the op.* call that made them', async () => {
    const history = await loadMigrations('test/fixtures/alembic-py/constructs/versions');
    const state = replay(history).state;
    const big = [...state.tables.values()].find((t) => t.name === 'big')!;
    expect(big.origin).toEqual({ revision: 'a1', file: 'test/fixtures/alembic-py/constructs/versions/001_a1_create_tables.py', line: 37 });
    const label = big.columns.find((c) => c.name === 'label')!;
    expect(label.origin?.file).toMatch(/002_a2_alter_tables\.py$/);
    expect(label.origin?.line).toBe(15);
  });

  it('data-side code is listed with its line, not run', async () => {
    const history = await loadMigrations('test/fixtures/alembic-py/evaluator/versions', { config: 'test/fixtures/alembic-py/evaluator/schema-sync.json' });
    const b2 = history.revisions.find((r) => r.id === 'b2')!;
    expect(b2.skipped?.map((s) => s.line)).toEqual([17, 18, 20, 21, 22, 24]);
    expect(b2.skipped?.[4]?.text).toBe('conn.commit()');
  });
});

describe('errors name the file, the line and what could not be evaluated', () => {
  async function load(body: string, extra: Record<string, string> = {}) {
    const dir = await tempFolder({ '0001_x.py': HEAD('x1', null) + body, ...extra });
    return loadMigrations(dir, extra['schema-sync.json'] ? { config: join(dir, 'schema-sync.json') } : {});
  }

  it('an unknown name', async () => {
    const e = await expectUserError(load('def upgrade():\n    op.create_table(NAME)\n'), 'cannot evaluate NAME');
    expect(e.pos).toMatchObject({ line: 9 });
    expect(e.pos?.file).toMatch(/0001_x\.py$/);
  });

  it('a condition that depends on the database, until schema-sync.json answers it', async () => {
    const body = 'def upgrade():\n    n = op.get_bind().execute(sa.text("SELECT 1")).scalar()\n    if n:\n        op.drop_table("t")\n';
    await expectUserError(load(body), 'depends on the database', '"0001_x.py:10": true or false');
    const ok = await load(body, { 'schema-sync.json': JSON.stringify({ alembic: { answers: { '0001_x.py:10': true } } }) });
    expect(ok.revisions[0]!.sql).toContain('DROP TABLE t');
  });

  it('an app type without a type map entry', async () => {
    const body = 'from myapp.types import Money\n\ndef upgrade():\n    op.add_column("t", sa.Column("m", Money()))\n';
    await expectUserError(load(body), 'myapp.types.Money', 'alembic.types');
  });

  it('a keyword argument schema-sync does not interpret', async () => {
    await expectUserError(load('def upgrade():\n    op.create_index("i", "t", ["a"], mysql_length=3)\n'), 'mysql_length');
  });

  it('a Python syntax error', async () => {
    const e = await expectUserError(load('def upgrade(:\n    pass\n'), 'syntax error');
    expect(e.pos?.line).toBe(8);
  });

  it('a while loop or try block that runs migration operations', async () => {
    await expectUserError(load('def upgrade():\n    while True:\n        op.drop_table("t")\n'), 'cannot interpret a while statement');
    await expectUserError(load('def upgrade():\n    try:\n        op.drop_table("t")\n    except Exception:\n        pass\n'), 'cannot interpret a try statement');
  });

  it('sync_enum_values with old-style tuples, which read column defaults from the database', async () => {
    const body = 'def upgrade():\n    op.sync_enum_values("public", "e", ["a"], [("t", "c")])\n';
    const e = await expectUserError(load(body), 'reads column defaults from the database');
    expect(e.pos?.line).toBe(9);
  });

  it('op.* calls inside a loop over query results', async () => {
    const body = 'def upgrade():\n    for (name,) in op.get_bind().execute(sa.text("SELECT 1")):\n        op.drop_table(name)\n';
    await expectUserError(load(body), 'depends on the database');
  });
});

describe('database facts known without a database', () => {
  it('the dialect is PostgreSQL', async () => {
    const body = 'def upgrade():\n    if op.get_bind().dialect.name == "postgresql":\n        op.execute("CREATE TABLE pg_only (id int)")\n' +
      '    if op.get_context().dialect.name != "postgresql":\n        op.execute("CREATE TABLE other (id int)")\n';
    const dir = await tempFolder({ '0001_x.py': HEAD('x1', null) + body });
    const h = await loadMigrations(dir);
    expect(h.revisions[0]!.sql).toBe('CREATE TABLE pg_only (id int);');
  });
});

describe('folders', () => {
  it('a .sql file with the same revision id replaces the interpretation', async () => {
    const dir = await tempFolder({
      '0001_x.py': HEAD('x1', null) + 'def upgrade():\n    op.create_table("a", sa.Column("id", sa.Integer))\n',
      '0002_y.py': HEAD('y2', 'x1') + 'def upgrade():\n    weird_app_call()\n',
      'y2.sql': '-- revision: y2\n-- down_revision: x1\nCREATE TABLE b (id int);\n',
    });
    const history = await loadMigrations(dir);
    expect(history.revisions.map((r) => [r.id, r.file.replace(/.*\//, '')])).toEqual([['x1', '0001_x.py'], ['y2', 'y2.sql']]);
    expect([...replay(history).state.tables.values()].map((t) => t.name).sort()).toEqual(['a', 'b']);
  });

  it('a .sql file that matches no revision is an error, not ignored', async () => {
    const dir = await tempFolder({
      '0001_x.py': HEAD('x1', null) + 'def upgrade():\n    pass\n',
      'stray.sql': 'CREATE TABLE s (id int);\n',
    });
    await expectUserError(loadMigrations(dir), 'stray.sql', 'no .py revision');
  });

  it('alembic.ini and its script_location lead to the versions folder', async () => {
    const root = await tempFolder({ 'alembic.ini': '[alembic]\nscript_location = %(here)s/migrations\n' });
    await mkdir(join(root, 'migrations', 'versions'), { recursive: true });
    await writeFile(join(root, 'migrations', 'env.py'), '');
    await writeFile(join(root, 'migrations', 'versions', 'a.py'), HEAD('a1', null) + 'def upgrade():\n    op.execute("CREATE TABLE t (id int)")\n');
    for (const target of [join(root, 'alembic.ini'), root, join(root, 'migrations')]) {
      const h = await loadMigrations(target);
      expect(h.revisions.map((r) => r.id)).toEqual(['a1']);
    }
  });

  it('revision graphs come from down_revision tuples (merges) and depends_on', async () => {
    const dir = await tempFolder({
      'a.py': HEAD('a', null) + 'def upgrade():\n    pass\n',
      'b.py': HEAD('b', 'a') + 'def upgrade():\n    pass\n',
      'c.py': HEAD('c', 'a') + 'depends_on = "b"\ndef upgrade():\n    pass\n',
      'd.py': `revision = "d"\ndown_revision = ("b", "c")\ndef upgrade():\n    pass\n`,
    });
    const h = await loadMigrations(dir);
    expect(h.revisions.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(h.heads).toEqual(['d']);
  });
});
