import type { ExtensionDef } from '../model/index.js';
import type { CatalogQuery } from './catalog-query.js';
import { commentJoin } from './catalog-scope.js';

const SQL = `
SELECT e.extname AS name, n.nspname AS schema, d.description,
  (SELECT a.comment FROM pg_catalog.pg_available_extensions a WHERE a.name = e.extname) AS default_comment
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
${commentJoin('d', 'pg_extension', 'e.oid')}
WHERE e.extname <> 'plpgsql'
ORDER BY e.extname`;

interface Row {
  name: string;
  schema: string;
  description: string | null;
  default_comment: string | null;
}

/**
 * Installed extensions, whatever the schema scope (an extension belongs to the database; its
 * schema is only where its objects went). plpgsql is left out: every database has it. The
 * comment is kept only when it is not the one CREATE EXTENSION gave (the control file's, which
 * pg_available_extensions reads): `''` when it was removed. When no control file is readable
 * (PGlite has an extension's files only in a session that loaded its bundle, which only `apply`
 * does), the comment cannot be told from the default and is taken as the default.
 */
export const readExtensions: CatalogQuery<Row, ExtensionDef[]> = {
  sql: () => SQL,
  params: () => [],
  build: (rows) =>
    rows.map((r) => ({
      name: r.name, schema: r.schema,
      ...(r.default_comment !== null && r.description !== r.default_comment ? { comment: r.description ?? '' } : {}),
      ...(r.default_comment !== null ? { defaultComment: r.default_comment } : {}),
    })),
};
