import type { LocatedRevision } from './located-revision.js';

/**
 * Alembic's offline (`--sql`) output through a `format`/`pyformat` driver (psycopg2 by default,
 * unless env.py passes `dialect_opts={"paramstyle": "named"}`, as Alembic's template does since
 * 1.4.3) doubles every `%`: SQLAlchemy's compiler escapes it in text() and DDL() statements
 * (post_process_text), string literals (String.literal_processor), quoted identifiers
 * (_escape_identifier), the modulo operator (`%%`) and custom operators. So when the input has
 * `%%` and no `%` outside a pair, it was written that way, and each `%%` means `%`.
 * Returns undefined when the input does not look escaped.
 */
export function undoublePercents(revisions: readonly LocatedRevision[]): LocatedRevision[] | undefined {
  let pairs = false;
  for (const r of revisions) {
    if (r.sql.replace(/%%/g, '').includes('%')) return undefined;
    pairs ||= r.sql.includes('%%');
  }
  if (!pairs) return undefined;
  return revisions.map((r) => ({ ...r, sql: r.sql.replace(/%%/g, '%') }));
}
