import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { loadMigrations } from '../../src/load/index.js';
import { replay } from '../../src/replay/index.js';
import { summary } from './replayed-states.js';

describe('diff: the example history in alembic-versions/', () => {
  it('a database at any revision: every live object is accounted for (no unmanaged, no drift)', async () => {
    const revisions = (await loadMigrations('alembic-versions')).revisions;
    const target = replay(revisions).state;
    expect(diff(target, target)).toEqual({ changes: [], unmanaged: [], drift: [] });
    for (let applied = 0; applied < revisions.length; applied++) {
      const r = diff(target, replay(revisions.slice(0, applied)).state);
      expect({ applied, unmanaged: r.unmanaged, drift: r.drift }).toEqual({ applied, unmanaged: [], drift: [] });
      expect(r.changes.length).toBeGreaterThan(0);
    }
  });

  it('one revision behind: exactly what the last revision does', async () => {
    const revisions = (await loadMigrations('alembic-versions')).revisions;
    const r = diff(replay(revisions).state, replay(revisions.slice(0, -1)).state);
    expect(summary(r)).toEqual([
      'rename column public.api_keys.prefix -> public.api_keys.key_prefix',
      'setNotNull public.api_keys.name',
      'setDefault public.api_keys.scopes',
      'rename constraint public.api_keys.fk_api_keys_user -> public.api_keys.api_keys_user_id_fkey',
      'drop constraint public.api_keys.ck_api_keys_expiry (replace)',
      'addConstraint public.api_keys.ck_api_keys_expiry',
      'validateConstraint public.invoices.fk_invoices_project_id',
      'rename index public.ix_api_keys_prefix -> public.ix_api_keys_key_prefix',
      'drop index public.ix_projects_settings (replace)',
      'createIndex public.ix_projects_settings',
      'createView public.active_projects',
    ]);
  });
});
