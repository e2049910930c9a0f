import type { ConstraintDef } from './objects.js';

/** PRIMARY KEY, UNIQUE and EXCLUDE: the constraints PostgreSQL builds an index for (named as the constraint). */
export type IndexBackedConstraint = Extract<ConstraintDef, { type: 'primary key' | 'unique' | 'exclude' }>;

/** Does PostgreSQL build an index (a pg_class row named as the constraint) for this constraint? */
export function isIndexBacked(c: ConstraintDef): c is IndexBackedConstraint {
  return c.type === 'primary key' || c.type === 'unique' || c.type === 'exclude';
}

/** The comment of a constraint's index (COMMENT ON INDEX); none for constraints without one. */
export function indexComment(c: ConstraintDef): string | undefined {
  return isIndexBacked(c) ? c.indexComment : undefined;
}
