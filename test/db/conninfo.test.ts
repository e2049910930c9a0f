import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { conninfoToUrl, isConninfo, parseConninfo } from '../../src/db/conninfo.js';

/** Reads a URL the way pg-connection-string does (WHATWG URL, decoded parts, query parameters). */
function parse(url: string): Record<string, string | null> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    u = new URL(url.replace('@/', '@___DUMMY___/'));
  }
  return {
    ...Object.fromEntries(u.searchParams),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.length > 1 ? decodeURI(u.pathname.slice(1)) : null,
  };
}

describe('conninfo', () => {
  it('recognizes key=value strings only', () => {
    expect(isConninfo('host=db dbname=app')).toBe(true);
    expect(isConninfo(' dbname = app')).toBe(true);
    expect(isConninfo('postgres://h/db?x=1')).toBe(false);
    expect(isConninfo('pglite:memory')).toBe(false);
  });

  it('parses quoting and escapes', () => {
    const entries = parseConninfo(`host=db  port = 5433 password='a b\\'c' options='-c search_path=x' user=me\\ too`);
    expect(Object.fromEntries(entries)).toEqual({
      host: 'db',
      port: '5433',
      password: "a b'c",
      options: '-c search_path=x',
      user: 'me too',
    });
  });

  it.each(['host', 'host=db =x', "password='open"])('rejects %s without echoing values', (s) => {
    expect(() => parseConninfo(s)).toThrow(UserError);
  });

  it('converts to a URL that pg parses to the same settings', () => {
    const url = conninfoToUrl(`host=/var/run/postgresql port=5433 dbname='my db/2' user=me password='p@ss w/rd' sslmode=disable`);
    expect(parse(url)).toMatchObject({
      host: '/var/run/postgresql',
      port: '5433',
      database: 'my db/2',
      user: 'me',
      password: 'p@ss w/rd',
      sslmode: 'disable',
    });
  });

  it('leaves unspecified parts to pg defaults', () => {
    const cfg = parse(conninfoToUrl('dbname=app'));
    expect(cfg['database']).toBe('app');
    expect(cfg['host']).toBeUndefined();
    expect(cfg['user']).toBe('');
  });

  it('uses hostaddr when host is absent', () => {
    expect(parse(conninfoToUrl('hostaddr=10.0.0.1 dbname=x'))['host']).toBe('10.0.0.1');
  });
});
