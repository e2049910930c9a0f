import { quoteLiteral } from '../model/names.js';
import type { PlanHistory, RevisionRef } from './history-context.js';

/** Where the live database stands per `alembic_version`, and what apply records there. */
export interface AlembicStatus {
  /** Rows of `alembic_version`; null when the database has no such table. */
  readonly current: readonly string[] | null;
  /** Rows naming no revision of the history (the database may be ahead, or on another history). */
  readonly unknown: readonly string[];
  /** Revisions of the history the database has not run per `alembic_version`, in history order; null when unknown. */
  readonly pending: readonly string[] | null;
  /** What apply records: the heads of the replayed history (the `--to` revision when given). */
  readonly heads: readonly string[];
  /** Statements apply runs to record `heads` (empty when already recorded or not recording). */
  readonly stamp: readonly string[];
  /** Why `heads` is not recorded although `alembic_version` differs from it. */
  readonly noStamp?: string;
}

/** Alembic's own table shape (alembic/runtime/migration.py): `version_num varchar(32)`, PK `alembic_version_pkc`. */
function stampSql(heads: readonly string[], create: boolean): string[] {
  const width = Math.max(32, ...heads.map((h) => h.length));
  return [
    ...(create
      ? [`CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(${width}) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))`]
      : []),
    'DELETE FROM alembic_version',
    `INSERT INTO alembic_version (version_num) VALUES ${heads.map((h) => `(${quoteLiteral(h)})`).join(', ')}`,
  ];
}

/** Revisions no other revision of the list names as parent, in list order. */
function headsOf(revisions: readonly RevisionRef[]): string[] {
  const parents = new Set(revisions.flatMap((r) => r.parents));
  return revisions.filter((r) => !parents.has(r.id)).map((r) => r.id);
}

/** The given ids and all their ancestors within the list. */
function ancestorsOrSelf(ids: readonly string[], revisions: readonly RevisionRef[]): Set<string> {
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const out = new Set<string>();
  const stack = [...ids];
  while (stack.length) {
    const id = stack.pop()!;
    const r = byId.get(id);
    if (!r || out.has(id)) continue;
    out.add(id);
    stack.push(...r.parents);
  }
  return out;
}

/**
 * Works out the database's Alembic position and the stamp apply writes. The stamp moves
 * `alembic_version` only forward: when it names a revision outside the (possibly `--to`-cut)
 * history, the database may be ahead of these migrations and the table is left alone. Pure.
 */
export function alembicStatus(h: PlanHistory): AlembicStatus | undefined {
  if (!h.hasRevisionIds || !h.revisions.length) return undefined;
  const heads = headsOf(h.revisions);
  const current = h.alembicVersion ?? null;
  const ids = new Set(h.revisions.map((r) => r.id));
  // A history cut from `alembic upgrade A:B --sql` starts at A: a database at A is at its start.
  const start = new Set(h.revisions.flatMap((r) => r.parents).filter((p) => !ids.has(p)));
  const unknown = (current ?? []).filter((v) => !ids.has(v) && !start.has(v));
  let pending: string[] | null = null;
  if (current && !unknown.length) {
    const applied = ancestorsOrSelf(current, h.revisions);
    pending = h.revisions.filter((r) => !applied.has(r.id)).map((r) => r.id);
  }
  const base = { current, unknown, pending, heads };
  const recorded = current !== null && current.length === heads.length && heads.every((x) => current.includes(x));
  if (recorded) return { ...base, stamp: [] };
  if (h.stamp === false) return { ...base, stamp: [], noStamp: 'disabled (--no-stamp)' };
  if (unknown.length) {
    return {
      ...base, stamp: [],
      noStamp: `alembic_version names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not in this history (the database may be ahead of these migrations); left as is`,
    };
  }
  return { ...base, stamp: stampSql(heads, current === null) };
}
