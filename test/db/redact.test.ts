import { describe, expect, it } from 'vitest';
import { redactConnectionString } from '../../src/db/index.js';
import { scrubSecrets } from '../../src/db/redact.js';

describe('redactConnectionString', () => {
  it.each([
    ['postgres://app:s3cret@db.example:5432/app', 'postgres://app:***@db.example:5432/app'],
    ['postgresql://app:s3cret@db/app?sslmode=require', 'postgresql://app:***@db/app?sslmode=require'],
    ['postgres://app@db/app', 'postgres://app@db/app'],
    ['postgres://db:5432/app', 'postgres://db:5432/app'],
    ['postgres://app:p%40ss@db/app', 'postgres://app:***@db/app'],
    // Unencoded '@', '/', '?' and ' ' in the password are still hidden entirely.
    ['postgres://app:p@ss/w@db/app', 'postgres://app:***@db/app'],
    ['postgres://app:p?ss@db/app', 'postgres://app:***@db/app'],
    ['postgres://app:a b@db/app', 'postgres://app:***@db/app'],
    ['postgres://app:pw@db/app?options=x@y', 'postgres://app:***@db/app?options=x@y'],
    ['postgres://db/app?user=app&password=s3cret&sslmode=require', 'postgres://db/app?user=app&password=***&sslmode=require'],
    ['postgres://db/app?PASSWORD=s3cret', 'postgres://db/app?PASSWORD=***'],
    ['postgres://db/app?sslpassword=s3cret', 'postgres://db/app?sslpassword=***'],
    ['postgres://:s3cret@db/app', 'postgres://:***@db/app'],
    ['host=db user=app password=s3cret dbname=app', 'host=db user=app password=*** dbname=app'],
    ["host=db password = 'se cr\\'et' dbname=app", 'host=db password = *** dbname=app'],
    ['password=s3cret', 'password=***'],
    ['host=db sslpassword=s3cret', 'host=db sslpassword=***'],
    ['pglite:./data', 'pglite:./data'],
    ['pglite:memory', 'pglite:memory'],
    ['', ''],
  ])('%s', (input, expected) => {
    expect(redactConnectionString(input)).toBe(expected);
  });

  it('redacts URLs embedded in a longer message', () => {
    expect(redactConnectionString('failed: postgres://u:s3cret@h/db refused; retry postgresql://v:pw2@h2/db2')).toBe(
      'failed: postgres://u:***@h/db refused; retry postgresql://v:***@h2/db2',
    );
  });

  it('never leaves the password in its output (fuzzed)', () => {
    const chars = 'abcXYZ019@:/?#&= %\'\\';
    for (let n = 0; n < 2000; n++) {
      let pw = '';
      for (let k = 0; k < 3 + (n % 10); k++) pw += chars[Math.floor(Math.random() * chars.length)];
      pw = `Q${pw}Z`; // never empty, never mistaken for structure at its ends
      const url = `postgres://user:${pw}@host:5432/db?sslmode=require`;
      const out = redactConnectionString(url);
      expect(out, url).not.toContain(pw);
      expect(out.startsWith('postgres://user:***@')).toBe(true);
      const encoded = `postgres://user:${encodeURIComponent(pw)}@host/db`;
      expect(redactConnectionString(encoded)).toBe('postgres://user:***@host/db');
      const conninfo = `host=h password='${pw.replace(/[\\']/g, (c) => `\\${c}`)}' dbname=d`;
      expect(redactConnectionString(conninfo), conninfo).toBe('host=h password=*** dbname=d');
    }
  });
});

describe('scrubSecrets', () => {
  it('blanks literal secrets as well as connection strings', () => {
    expect(scrubSecrets('bad thing hunter22 happened at postgres://a:b@c/d', ['hunter22'])).toBe(
      'bad thing *** happened at postgres://a:***@c/d',
    );
  });
  it('ignores secrets too short to blank safely', () => {
    expect(scrubSecrets('a b', ['a'])).toBe('a b');
  });
});
