import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGLITE_EXTENSIONS } from '../../src/db/pglite-extensions.js';
import { extensionFacts, KNOWN_EXTENSIONS } from '../../src/model/extension-catalog.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';

/**
 * The extension facts replay uses without a server (relocatable, pinned schema, member types)
 * are what PostgreSQL's control files and install scripts say: every known extension is created
 * on the test server and read back from pg_extension and pg_depend.
 */
let fresh: FreshDatabase;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => {
  await fresh?.drop();
});

describe('the extension catalog', () => {
  it('covers the extensions PGlite bundles (auto_explain is no CREATE EXTENSION one on PostgreSQL) and plpgsql', () => {
    expect(KNOWN_EXTENSIONS).toEqual([...PGLITE_EXTENSIONS.filter((e) => e !== 'auto_explain'), 'plpgsql'].sort());
  });

  it('matches PostgreSQL: relocatable, pinned schema, member types', async () => {
    const available = new Set((await fresh.db.query<{ name: string }>(`SELECT name FROM pg_available_extensions`)).map((r) => r.name));
    const known = KNOWN_EXTENSIONS.filter((e) => available.has(e));
    expect(known.length).toBeGreaterThan(30);
    for (const e of known) await fresh.db.exec(`CREATE EXTENSION IF NOT EXISTS "${e}" CASCADE`);
    const rows = await fresh.db.query<{ name: string; relocatable: boolean; schema: string; types: string[] }>(`
      SELECT e.extname AS name, e.extrelocatable AS relocatable, n.nspname AS schema,
        coalesce(array_agg(t.typname::text ORDER BY t.typname::text) FILTER (WHERE t.oid IS NOT NULL), '{}') AS types
      FROM pg_extension e
      JOIN pg_namespace n ON n.oid = e.extnamespace
      LEFT JOIN pg_depend d ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid AND d.classid = 'pg_type'::regclass AND d.deptype = 'e'
      LEFT JOIN pg_type t ON t.oid = d.objid
      GROUP BY 1, 2, 3 ORDER BY 1`);
    expect(rows.map((r) => r.name)).toEqual(known);
    for (const r of rows) {
      const facts = extensionFacts(r.name)!;
      expect({ name: r.name, relocatable: facts.relocatable, schema: facts.schema ?? 'public', types: [...facts.types].sort() })
        .toEqual({ name: r.name, relocatable: r.relocatable, schema: r.schema, types: r.types });
    }
  });
});
