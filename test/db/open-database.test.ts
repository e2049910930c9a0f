import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/index.js';
import { UserError } from '../../src/errors.js';
import { freshDatabase, testAdminDatabaseUrl, type FreshDatabase } from '../support/database.js';

/** Resolves to the UserError `openDatabase(target)` throws, failing if it throws anything else. */
async function openError(target: string): Promise<UserError> {
  const err = await openDatabase(target).then(
    async (db) => {
      await db.close();
      return new Error(`opened ${target}`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

describe('openDatabase errors', () => {
  it.each(['', '   ', 'mysql://u:hunter22@h/db', 'sqlite:x.db', 'just-a-name', 'pglite:'])('rejects %j', async (target) => {
    const err = await openError(target);
    expect(err.message).not.toContain('hunter22');
  });

  it('names the unknown scheme without the password', async () => {
    const err = await openError('mysql://u:hunter22@h/db');
    expect(err.message).toMatch(/Unsupported database scheme "mysql:" in mysql:\/\/u:\*\*\*@h\/db/);
  });

  it('reports a malformed URL without the password', async () => {
    const err = await openError('postgres://u:hunter22@h:notaport/db');
    expect(err.message).toContain('postgres://u:***@h:notaport/db');
    expect(err.message).not.toContain('hunter22');
  });

  it('reports a refused connection without the password', async () => {
    const port = await closedPort();
    const err = await openError(`postgres://u:hunter22@127.0.0.1:${port}/db`);
    expect(err.message).toMatch(/ECONNREFUSED/);
    expect(err.message).toContain(`postgres://u:***@127.0.0.1:${port}/db`);
    expect(err.message).not.toContain('hunter22');
  });

  it('explains a refused localhost (tried over IPv6 and IPv4)', async () => {
    const port = await closedPort();
    const err = await openError(`postgres://u:hunter22@localhost:${port}/db`);
    expect(err.message).toMatch(new RegExp(`: connect ECONNREFUSED [^ ]+:${port}`));
  });

  it('reports a refused connection from a conninfo string without the password', async () => {
    const port = await closedPort();
    const err = await openError(`host=127.0.0.1 port=${port} user=u password='hunter 22' dbname=db`);
    expect(err.message).toMatch(/ECONNREFUSED/);
    expect(err.message).not.toContain('hunter 22');
    expect(err.message).toContain('password=***');
  });
});

describe('openDatabase against the test server', () => {
  let fresh: FreshDatabase;
  let url: URL;
  beforeAll(async () => {
    fresh = await freshDatabase();
    url = new URL(fresh.url);
  });
  afterAll(() => fresh.drop());

  it('labels the connection without its password', () => {
    expect(fresh.db.label).toBe(fresh.url.replace(`:${url.password}@`, ':***@'));
    expect(fresh.db.label).not.toContain(url.password);
  });

  it('sets application_name', async () => {
    expect(await fresh.db.query('SHOW application_name')).toEqual([{ application_name: 'schema-sync' }]);
  });

  it('fails authentication without leaking the wrong password', async () => {
    const bad = new URL(fresh.url);
    bad.password = 'wrong-hunter22';
    const err = await openError(bad.toString());
    expect(err.message).toMatch(/password authentication failed/);
    expect(err.message).not.toContain('hunter22');
  });

  it('reports a missing database as a UserError', async () => {
    const other = new URL(fresh.url);
    other.pathname = '/no_such_database_here';
    expect((await openError(other.toString())).message).toMatch(/does not exist/);
  });

  it('connects with a key=value conninfo string', async () => {
    const conninfo = [
      `host=${url.hostname}`,
      `port=${url.port}`,
      `user=${decodeURIComponent(url.username)}`,
      `password='${decodeURIComponent(url.password)}'`,
      `dbname=${url.pathname.slice(1)}`,
    ].join(' ');
    const db = await openDatabase(conninfo);
    try {
      expect(db.label).toContain('password=***');
      expect(db.label).not.toContain(decodeURIComponent(url.password));
      expect(await db.query('SELECT current_database() AS d')).toEqual([{ d: url.pathname.slice(1) }]);
    } finally {
      await db.close();
    }
  });

  it('connects with postgres: using only the PG* environment', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      PGHOST: url.hostname,
      PGPORT: url.port,
      PGUSER: decodeURIComponent(url.username),
      PGPASSWORD: decodeURIComponent(url.password),
      PGDATABASE: url.pathname.slice(1),
    });
    try {
      const db = await openDatabase('postgres:');
      try {
        expect(db.label).not.toContain(decodeURIComponent(url.password));
        expect(db.label).toContain(`${url.hostname}:${url.port}/${url.pathname.slice(1)}`);
        expect(await db.query('SELECT current_database() AS d')).toEqual([{ d: url.pathname.slice(1) }]);
      } finally {
        await db.close();
      }
      process.env['PGPASSWORD'] = 'wrong-hunter22';
      const err = await openError('postgres:');
      expect(err.message).not.toContain('hunter22');
    } finally {
      for (const key of ['PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  });

  it('reports a lost connection as a UserError', async () => {
    const db = await openDatabase(fresh.url);
    try {
      const [{ pid }] = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
      const admin = await openDatabase(testAdminDatabaseUrl());
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await admin.close();
      // Give the client a moment to see the server's goodbye on the idle connection.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const err = await db.query('SELECT 1').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).toMatch(/^(Lost connection to|Database error on) postgres:\/\/.*:\*\*\*@/);
      expect((err as Error).message).not.toContain(url.password);
    } finally {
      await db.close();
    }
  });
});

describe('pglite: data directories', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-pglite-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('creates a missing directory and persists data across opens', async () => {
    const target = `pglite:${path.join(dir, 'nested', 'data')}`;
    const first = await openDatabase(target);
    expect(first.label).toBe(target);
    await first.exec('CREATE TABLE kept (x int); INSERT INTO kept VALUES (42);');
    await first.close();
    const second = await openDatabase(target);
    expect(await second.query('SELECT x FROM kept')).toEqual([{ x: 42 }]);
    await second.close();
  });

  it('resolves relative directories against the working directory', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const db = await openDatabase('pglite:rel-data');
      await db.close();
      const again = await openDatabase(`pglite:${path.join(dir, 'rel-data')}`);
      expect(await again.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await again.close();
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses a non-empty directory that is not a data directory', async () => {
    const other = path.join(dir, 'not-pg');
    await rm(other, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(other));
    await writeFile(path.join(other, 'notes.txt'), 'hello');
    expect((await openError(`pglite:${other}`)).message).toMatch(/not empty and is not a PostgreSQL data directory/);
  });

  it('refuses a file', async () => {
    const file = path.join(dir, 'a-file');
    await writeFile(file, '');
    expect((await openError(`pglite:${file}`)).message).toMatch(/not a directory/);
  });
});
