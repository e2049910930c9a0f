import type { CollationDef } from '../model/index.js';
import type { Mutable } from '../model/mutable.js';
import { type AclRow, ownerColumn } from './acl-field.js';
import type { CatalogQuery } from './catalog-query.js';
import { type CatalogScope, commentJoin, inScope, notInExtension } from './catalog-scope.js';
import { commentField } from './comment-field.js';

interface Row extends Pick<AclRow, 'owner'> {
  schema: string;
  name: string;
  provider: string;
  deterministic: boolean;
  lc_collate: string | null;
  lc_ctype: string | null;
  locale: string | null;
  description: string | null;
}

// The ICU locale is colliculocale in PostgreSQL 15-16 and colllocale from 17 (PGlite): read
// through to_jsonb so one query fits both.
const sql = (scope: CatalogScope): string => `
SELECT n.nspname AS schema, c.collname AS name, c.collprovider AS provider, c.collisdeterministic AS deterministic,
  c.collcollate AS lc_collate, c.collctype AS lc_ctype,
  COALESCE(pg_catalog.to_jsonb(c) ->> 'colliculocale', pg_catalog.to_jsonb(c) ->> 'colllocale') AS locale,
  ${ownerColumn(scope, 'c.collowner')}, d.description
FROM pg_catalog.pg_collation c
JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
${commentJoin('d', 'pg_collation', 'c.oid')}
WHERE ${inScope('n')} AND ${notInExtension('pg_collation', 'c.oid')}
ORDER BY n.nspname, c.collname`;

const PROVIDERS: Readonly<Record<string, CollationDef['provider']>> = { c: 'libc', i: 'icu', b: 'builtin' };

/** Collations of user schemas (initdb's live in pg_catalog), spelled as replay records them. */
export const readCollations: CatalogQuery<Row, CollationDef[]> = {
  sql,
  build: (rows) =>
    rows.map((r) => {
      const provider = PROVIDERS[r.provider];
      if (!provider) throw new Error(`collation ${r.schema}.${r.name} has provider '${r.provider}', which schema-sync does not know`);
      const c: Mutable<CollationDef> = { schema: r.schema, name: r.name, provider, deterministic: r.deterministic };
      if (provider === 'libc') {
        if (r.lc_collate !== null) c.lcCollate = r.lc_collate;
        if (r.lc_ctype !== null) c.lcCtype = r.lc_ctype;
      } else if (r.locale !== null) c.locale = r.locale;
      if (r.owner) c.owner = r.owner;
      return Object.assign(c, commentField(r.description));
    }),
};
