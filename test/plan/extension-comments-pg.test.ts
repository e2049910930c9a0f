import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { replay } from '../../src/replay/index.js';
import { perTestResources } from '../support/cleanups.js';
import { historyConvergence } from '../support/history-convergence.js';
import { runCli } from '../support/run-cli.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';
import { checkAfterDrift } from '../support/drifted-check.js';

const { db } = perTestResources();

/**
 * COMMENT ON EXTENSION. CREATE EXTENSION gives the comment of the extension's control file, which
 * a migration cannot know: that one is left alone; a comment the history sets (or removes) is
 * modelled, planned and checked. hstore keeps its control file's comment throughout.
 */
const EXTENSIONS = [
  `CREATE EXTENSION citext; CREATE EXTENSION pgcrypto; CREATE EXTENSION hstore;`,
  `COMMENT ON EXTENSION citext IS 'case-insensitive e-mail addresses';
   COMMENT ON EXTENSION pgcrypto IS NULL;`,
];

describe('extension comments converge (pg_dump oracle)', () => {
  const history = revisionsFromSql('extensions', EXTENSIONS);
  it('replays without warnings: the set comment and the removed one, none for the one left alone', () => {
    const r = replay(history);
    expect(r.diagnostics).toEqual([]);
    expect(r.state.extensions.get('citext')?.comment).toBe('case-insensitive e-mail addresses');
    expect(r.state.extensions.get('pgcrypto')?.comment).toBe('');
    expect(r.state.extensions.get('hstore')?.comment).toBeUndefined();
  });
  historyConvergence(history, { from: [0, 1] });

  it('introspection: the control file\'s comment reads as none set; replay equals the live state', async () => {
    const f = await db();
    await runMigrations(f.db, history);
    const live = await introspect(f.db);
    expect(live.extensions.get('hstore')?.comment).toBeUndefined();
    expect(live.extensions.get('hstore')?.defaultComment).toMatch(/key, value/);
    expect(live.extensions.get('citext')?.comment).toBe('case-insensitive e-mail addresses');
    expect(live.extensions.get('pgcrypto')?.comment).toBe('');
  });

  it('replay refuses a comment on an extension that does not exist, as PostgreSQL does; plpgsql is left alone with a warning', async () => {
    const f = await db();
    await expect(runMigrations(f.db, revisionsFromSql('missing', [`COMMENT ON EXTENSION citext IS 'x';`]))).rejects.toThrow(/extension "citext" does not exist/);
    const r = replay(revisionsFromSql('missing', [`COMMENT ON EXTENSION citext IS 'x'; COMMENT ON EXTENSION plpgsql IS 'y';`]));
    expect(r.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      'error: extension "citext" does not exist',
      expect.stringMatching(/^warning: not modelled: COMMENT ON EXTENSION plpgsql \(every database has plpgsql/),
    ]);
  });
});

describe('check sees extension comment drift', () => {
  it('comments changed live, the control file\'s one included: exit 2 naming them; apply puts them back', async () => {
    const f = await db();
    const { dir, check } = await checkAfterDrift(f, EXTENSIONS, `COMMENT ON EXTENSION citext IS 'changed'; COMMENT ON EXTENSION pgcrypto IS 'back'; COMMENT ON EXTENSION hstore IS NULL`);
    expect(check.stdout).toMatch(/different extension citext/);
    expect(check.stdout).toMatch(/different extension pgcrypto/);
    expect(check.stdout).toMatch(/different extension hstore/);
    const target = replay(revisionsFromSql('extensions', EXTENSIONS)).state;
    const d = diff(target, await introspect(f.db));
    expect(d.changes.map((c) => c.kind === 'setComment' && `${c.ref.name}: ${c.comment}`).sort()).toEqual([
      'citext: case-insensitive e-mail addresses',
      expect.stringMatching(/^hstore: .*key, value/),
      'pgcrypto: null',
    ]);
    await apply(f.db, target);
    expect((await runCli(['check', '-q', '-m', dir, '-d', f.url])).code).toBe(0);
  });
});
