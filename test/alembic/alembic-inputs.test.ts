import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/index.js';
import { fromSqlAlchemyUrl } from '../../src/db/sqlalchemy-url.js';
import { compareStates } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { loadMigrations } from '../../src/load/index.js';
import { replay } from '../../src/replay/index.js';
import { expectUserError, tempFolder } from '../load/temp-migrations.js';
import { perTestResources } from '../support/cleanups.js';
import { runCli } from '../support/run-cli.js';

const { db, defer } = perTestResources();

/** One `alembic upgrade A:B --sql` output, as Alembic writes it (transaction and bookkeeping included). */
function upgradeSql(from: string, to: string, body: string): string {
  const bookkeeping = from
    ? `UPDATE alembic_version SET version_num='${to}' WHERE alembic_version.version_num = '${from}';`
    : `INSERT INTO alembic_version (version_num) VALUES ('${to}');`;
  return `BEGIN;\n\n-- Running upgrade ${from} -> ${to}\n\n${body}\n\n${bookkeeping}\n\nCOMMIT;\n\n`;
}

describe('a folder of `alembic upgrade A:B --sql` outputs', () => {
  it('is ordered by its "-- Running upgrade" markers, not by file name', async () => {
    const dir = await tempFolder({
      // File names sort against the revision order on purpose.
      'a_add_orders.sql': upgradeSql('1f00', '2e00', 'CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));'),
      'b_add_email.sql': upgradeSql('2e00', '3d00', 'ALTER TABLE users ADD COLUMN email text;'),
      'z_initial.sql': upgradeSql('', '1f00', 'CREATE TABLE users (id int PRIMARY KEY);'),
    });
    const h = await loadMigrations(dir);
    expect(h.kind).toBe('revision-folder');
    expect(h.revisions.map((r) => r.id)).toEqual(['1f00', '2e00', '3d00']);
    expect(h.revisions.map((r) => r.parents)).toEqual([[], ['1f00'], ['2e00']]);
    const r = replay(h);
    expect(r.diagnostics).toEqual([]);
    expect([...r.state.tables.keys()].sort()).toEqual(['public.orders', 'public.users']);
    // alembic_version bookkeeping is neither schema nor a data statement.
    expect(r.data).toEqual([]);
  });

  it('may start past the base (upgrade A:B): a database at A has every file pending; a gap is refused', async () => {
    const dir = await tempFolder({
      '1.sql': upgradeSql('0a00', '1b00', 'CREATE TABLE t (id int);'),
      '2.sql': upgradeSql('1b00', '2c00', 'ALTER TABLE t ADD COLUMN v int;'),
    });
    const f = await db();
    await f.db.exec(`CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY); INSERT INTO alembic_version VALUES ('0a00')`);
    const plan = await runCli(['plan', '-m', dir, '-d', f.url]);
    expect(plan.stdout).toContain('database at revision 0a00 per alembic_version; 2 revisions pending');
    expect((await runCli(['apply', '-m', dir, '-d', f.url])).code).toBe(0);
    expect(await f.db.query('SELECT version_num FROM alembic_version')).toEqual([{ version_num: '2c00' }]);

    const gap = await tempFolder({
      '1.sql': upgradeSql('', '1b00', 'CREATE TABLE t (id int);'),
      '3.sql': upgradeSql('2c00', '3d00', 'ALTER TABLE t ADD COLUMN v int;'),
    });
    await expectUserError(loadMigrations(gap), 'Unknown down_revision', '2c00');
  });

  it('refuses a folder mixing marked and unmarked files, naming both', async () => {
    const dir = await tempFolder({ '1.sql': upgradeSql('', '1b00', 'CREATE TABLE t (id int);'), '2.sql': 'CREATE TABLE u (id int);' });
    await expectUserError(loadMigrations(dir), 'mixes alembic --sql outputs', '1.sql', '2.sql');
  });
});

describe("Alembic's %% escaping in offline output (psycopg2's pyformat paramstyle)", () => {
  const body = (p: string): string => `CREATE TABLE codes (
    code text NOT NULL CHECK (code LIKE 'A${p}'),
    n int CHECK (n ${p} 2 = 0),
    "rate${p}" numeric DEFAULT 0
);
INSERT INTO codes (code, n) VALUES ('A${p}1', 4);`;

  it('reads %% as % when every % is doubled: the same schema PostgreSQL builds from the intended SQL, and the seed row has one %', async () => {
    const dir = await tempFolder({ 'offline.sql': upgradeSql('', '1a00', body('%%')) });
    const h = await loadMigrations(`${dir}/offline.sql`);
    expect(h.percentsUndoubled).toBe(true);
    const oracle = await db();
    await oracle.db.exec(body('%'));
    expect(compareStates(replay(h).state, await introspect(oracle.db))).toEqual([]);

    const f = await db();
    const r = await runCli(['apply', '-m', `${dir}/offline.sql`, '-d', f.url]);
    expect(r.stderr).toContain('every % in');
    expect(r.code).toBe(0);
    expect(await f.db.query('SELECT code FROM codes')).toEqual([{ code: 'A%1' }]);
  });

  it('leaves a script alone when it has a single % anywhere (written with paramstyle named)', async () => {
    const dir = await tempFolder({ 'offline.sql': upgradeSql('', '1a00', body('%') + `\nCOMMENT ON TABLE codes IS '100%% sure';`) });
    const h = await loadMigrations(`${dir}/offline.sql`);
    expect(h.percentsUndoubled).toBeUndefined();
    expect(h.revisions[0]!.sql).toContain("'100%% sure'");
  });
});

describe('SQLAlchemy URLs as --database', () => {
  it('rewrites postgresql+driver:// to postgresql:// (asyncpg\'s ssl= becomes sslmode=)', () => {
    expect(fromSqlAlchemyUrl('postgresql+psycopg2://u:p@h:5432/db?sslmode=require')).toBe('postgresql://u:p@h:5432/db?sslmode=require');
    expect(fromSqlAlchemyUrl('postgresql+asyncpg://u@h/db?ssl=disable&x=1')).toBe('postgresql://u@h/db?sslmode=disable&x=1');
    expect(fromSqlAlchemyUrl('postgres+psycopg://h/db')).toBe('postgresql://h/db');
    expect(fromSqlAlchemyUrl('postgresql://h/db')).toBe('postgresql://h/db');
    expect(fromSqlAlchemyUrl('mysql+pymysql://h/db')).toBe('mysql+pymysql://h/db');
  });

  it('connects with postgresql+psycopg2:// and postgresql+asyncpg:// URLs, never printing the password', async () => {
    const f = await db();
    for (const scheme of ['postgresql+psycopg2', 'postgresql+asyncpg']) {
      const url = f.url.replace(/^postgres(ql)?:/, `${scheme}:`);
      const d = await openDatabase(url);
      defer(() => d.close());
      expect(await d.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      const r = await runCli(['check', '-m', await tempFolder({ '1.sql': 'SELECT 1;' }), '-d', url]);
      expect(r.code).toBe(0);
      const password = new URL(f.url).password;
      if (password) expect(r.stdout + r.stderr).not.toContain(password);
    }
  });
});
