/** `postgresql+psycopg2:`, `postgresql+asyncpg:`, `postgres+psycopg:` ...: SQLAlchemy's dialect+driver scheme. */
const SQLALCHEMY_SCHEME = /^(postgres(?:ql)?)\+[a-z0-9_]+:\/\//i;

/**
 * Turns a SQLAlchemy URL (what an Alembic project's `sqlalchemy.url` or DATABASE_URL holds) into
 * the `postgresql://` URL `pg` reads: the `+driver` part names a Python driver and means nothing
 * here. asyncpg spells libpq's `sslmode` as `ssl`, so that parameter is renamed for it; any
 * other string is returned unchanged.
 */
export function fromSqlAlchemyUrl(target: string): string {
  const m = SQLALCHEMY_SCHEME.exec(target);
  if (!m) return target;
  const url = `postgresql://${target.slice(m[0].length)}`;
  if (!/^[^:]*\+asyncpg:/i.test(target)) return url;
  return url.replace(/([?&])ssl=(disable|allow|prefer|require|verify-ca|verify-full)(?=&|#|$)/i, '$1sslmode=$2');
}
