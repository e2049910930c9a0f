import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/index.js';
import { parseServiceFile, sslAttempts } from '../../src/db/libpq-options.js';
import { testAdminDatabaseUrl } from '../support/database.js';

const saved = { ...process.env };
afterEach(() => {
  for (const k of ['PGSERVICE', 'PGSERVICEFILE', 'PGSYSCONFDIR', 'PGSSLMODE']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

async function withDb<T>(target: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(target);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const server = (): URL => new URL(testAdminDatabaseUrl());

async function serviceFile(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-service-'));
  await writeFile(path.join(dir, 'pg_service.conf'), text);
  return dir;
}

function serviceFor(name: string, u: URL, extra = ''): string {
  return `# test\n[${name}]\nhost=${u.hostname}\nport=${u.port || 5432}\nuser=${decodeURIComponent(u.username)}\npassword=${decodeURIComponent(u.password)}\ndbname=postgres\n${extra}`;
}

describe('libpq keywords', () => {
  it('refuses unknown keywords in key=value strings and URLs, suggesting the near one, never echoing values', async () => {
    await expect(openDatabase('hostt=db.example.com dbname=app password=s3cret')).rejects.toThrow('invalid connection string option "hostt" (did you mean "host"?)');
    await expect(openDatabase('host=db dbname=app password=s3cret')).rejects.not.toThrow(/invalid connection string option/);
    const err = await openDatabase('postgres://app:s3cret@db.example.com/app?sslmod=require').catch((e: Error) => e);
    expect((err as Error).message).toContain('invalid URL option "sslmod" (did you mean "sslmode"?)');
    expect((err as Error).message).not.toContain('s3cret');
  });
});

describe('pg_service.conf', () => {
  it('service= reads PGSERVICEFILE; what the connection string says wins over the service', async () => {
    const u = server();
    const dir = await serviceFile(serviceFor('main', u, 'application_name=from-service\n'));
    process.env.PGSERVICEFILE = path.join(dir, 'pg_service.conf');
    expect(await withDb('service=main', async (db) => (await db.query<{ d: string }>('SELECT current_database() AS d'))[0]!.d)).toBe('postgres');
    expect(await withDb('service=main dbname=template1', async (db) => (await db.query<{ d: string }>('SELECT current_database() AS d'))[0]!.d)).toBe('template1');
    expect(await withDb('postgres://localhost/?service=main'.replace('localhost', ''), async (db) => (await db.query<{ a: string }>('SHOW application_name'))[0])).toEqual({ application_name: 'from-service' });
  });

  it('PGSERVICE with the PG*-only target, from PGSYSCONFDIR when the user file lacks it', async () => {
    const u = server();
    const user = await serviceFile('[other]\nhost=nowhere\n');
    const sys = await serviceFile(serviceFor('sysdb', u));
    process.env.PGSERVICEFILE = path.join(user, 'pg_service.conf');
    process.env.PGSYSCONFDIR = sys;
    process.env.PGSERVICE = 'sysdb';
    expect(await withDb('postgres:', async (db) => (await db.query<{ one: number }>('SELECT 1 AS one'))[0]!.one)).toBe(1);
    process.env.PGSERVICE = 'missing';
    await expect(openDatabase('postgres:')).rejects.toThrow(/definition of service "missing" not found \(looked in .*pg_service.conf, .*pg_service.conf\)/);
  });

  it('reports service file syntax errors and unknown options with file:line', () => {
    expect(() => parseServiceFile('[a]\nhost=x\nbogus=1\n', 'svc.conf')).toThrow(expect.objectContaining({ message: 'invalid service file option "bogus"', pos: { file: 'svc.conf', line: 3 } }));
    expect(() => parseServiceFile('host=x\n', 'svc.conf')).toThrow(expect.objectContaining({ message: 'syntax error in service file' }));
    expect(parseServiceFile('# c\n[a]\n host = x \n\n[b]\nport=1\n', 'f').get('a')!.get('host')).toBe('x');
  });
});

describe('sslmode', () => {
  it('maps libpq modes to the TLS settings tried in order', () => {
    const modes = (mode: string): unknown[] => sslAttempts(new Map([['sslmode', mode]]), {}).map((a) => (a === false ? 'plain' : a.rejectUnauthorized === false ? 'tls-no-verify' : a.checkServerIdentity ? 'tls-chain' : 'tls-full'));
    expect(modes('disable')).toEqual(['plain']);
    expect(modes('allow')).toEqual(['plain', 'tls-no-verify']);
    expect(modes('prefer')).toEqual(['tls-no-verify', 'plain']);
    expect(modes('require')).toEqual(['tls-no-verify']);
    expect(modes('verify-full')).toEqual(['tls-full']);
    expect(sslAttempts(new Map(), {}).length).toBe(2); // libpq's default is prefer
    expect(sslAttempts(new Map(), { PGSSLMODE: 'disable' })).toEqual([false]);
    expect(() => sslAttempts(new Map([['sslmode', 'verify-ca']]), {})).toThrow('sslmode=verify-ca needs sslrootcert');
    expect(() => sslAttempts(new Map([['sslmode', 'on']]), {})).toThrow('invalid sslmode value: "on"');
  });

  it('against the test server: prefer falls back to a plain connection when the server has no TLS; require then fails; disable is plain', async () => {
    const base = testAdminDatabaseUrl();
    const withMode = (mode: string): string => `${base}${base.includes('?') ? '&' : '?'}sslmode=${mode}`;
    const serverSsl = await withDb(withMode('disable'), async (db) => (await db.query<{ ssl: string }>('SHOW ssl'))[0]!.ssl);
    const usesTls = async (target: string): Promise<boolean> =>
      withDb(target, async (db) => (await db.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()'))[0]!.ssl);
    expect(await usesTls(withMode('disable'))).toBe(false);
    expect(await usesTls(withMode('prefer'))).toBe(serverSsl === 'on');
    expect(await usesTls(base)).toBe(serverSsl === 'on');
    if (serverSsl === 'on') expect(await usesTls(withMode('require'))).toBe(true);
    else await expect(openDatabase(withMode('require'))).rejects.toThrow(/does not support SSL/);
  });
});
