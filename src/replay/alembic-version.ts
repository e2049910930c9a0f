/** Alembic's own bookkeeping table: ignored unless asked for, on both sides of a comparison. */
export const ALEMBIC_VERSION_TABLE = 'alembic_version';
