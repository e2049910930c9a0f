import { describe, expect, it } from 'vitest';
import { PG_ENV_TARGET, resolveDatabaseTarget } from '../../src/db/index.js';

describe('resolveDatabaseTarget', () => {
  const url = 'postgres://u@h/db';

  it('prefers the flag', () => {
    expect(resolveDatabaseTarget('pglite:memory', { DATABASE_URL: url, PGHOST: 'h' })).toBe('pglite:memory');
  });
  it('returns an explicitly empty flag rather than falling back', () => {
    expect(resolveDatabaseTarget('', { DATABASE_URL: url })).toBe('');
  });
  it('falls back to DATABASE_URL', () => {
    expect(resolveDatabaseTarget(undefined, { DATABASE_URL: url, PGHOST: 'h' })).toBe(url);
  });
  it('treats an empty DATABASE_URL as unset', () => {
    expect(resolveDatabaseTarget(undefined, { DATABASE_URL: ' ', PGDATABASE: 'x' })).toBe(PG_ENV_TARGET);
  });
  it.each([{ PGHOST: 'db' }, { PGDATABASE: 'app' }, { PGHOST: 'db', PGUSER: 'u', PGPASSWORD: 'p' }])(
    'uses the PG* environment when %o',
    (env) => {
      expect(resolveDatabaseTarget(undefined, env)).toBe('postgres:');
    },
  );
  it.each([{}, { PGUSER: 'u', PGPASSWORD: 'p', PGPORT: '5433' }, { PGHOST: '' }])(
    'returns undefined (never an embedded database) for %o',
    (env) => {
      expect(resolveDatabaseTarget(undefined, env)).toBeUndefined();
    },
  );
});
