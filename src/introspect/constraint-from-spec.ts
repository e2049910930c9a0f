import type { ConstraintDef, QualifiedName } from '../model/index.js';
import type { Mutable } from '../model/mutable.js';
import type { ConstraintSpec } from '../parse/index.js';
import { liveKeys } from './lower-definition.js';
import { isIndexBacked } from '../model/index-backed.js';

/** What pg_constraint says beyond the printed definition; it wins over the printed text. */
export interface ConstraintFacts {
  readonly name: string;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  readonly validated: boolean;
  /** Foreign keys: the referenced table (real names of confrelid) and columns (from confkey). */
  readonly references?: { readonly table: QualifiedName; readonly columns: readonly string[] };
  readonly comment?: string;
  /** PK / UNIQUE / EXCLUDE: the index's reloptions (the truth over a printed `WITH (..)`). */
  readonly indexOptions?: readonly string[];
  /** PK / UNIQUE / EXCLUDE: the index's own comment. */
  readonly indexComment?: string;
}

/**
 * Turns a lowered `pg_get_constraintdef` into the model's constraint. The FK target comes from
 * the catalog: the printed name is qualified only when not on the search_path, and printed
 * referenced columns are omitted by nobody but a human, yet confkey is the truth either way.
 */
export function constraintFromSpec(spec: ConstraintSpec, facts: ConstraintFacts): ConstraintDef {
  const { name, deferrable, initiallyDeferred } = facts;
  let def: Mutable<ConstraintDef>;
  switch (spec.type) {
    case 'primary key':
      def = { name, deferrable, initiallyDeferred, type: 'primary key', columns: spec.columns, include: spec.include };
      break;
    case 'unique':
      def = {
        name, deferrable, initiallyDeferred, type: 'unique', columns: spec.columns, include: spec.include, nullsNotDistinct: spec.nullsNotDistinct,
      };
      break;
    case 'foreign key':
      def = {
        name,
        deferrable,
        initiallyDeferred,
        type: 'foreign key',
        columns: spec.columns,
        references: {
          table: facts.references?.table ?? { schema: spec.table.schema ?? 'public', name: spec.table.name },
          columns: facts.references?.columns.length ? facts.references.columns : spec.refColumns,
          onDelete: spec.onDelete,
          onUpdate: spec.onUpdate,
          match: spec.match,
        },
        validated: facts.validated,
      };
      break;
    case 'check':
      def = { name, deferrable, initiallyDeferred, type: 'check', expression: spec.expression, validated: facts.validated, noInherit: spec.noInherit };
      break;
    case 'exclude':
      def = { name, deferrable, initiallyDeferred, type: 'exclude', method: spec.method, keys: liveKeys(spec.keys), include: spec.include };
      if (spec.where !== undefined) def.where = spec.where;
      break;
  }
  // After the type's fields: keeping it where it was (4th) would take the object spread this avoids.
  if (facts.comment !== undefined) def.comment = facts.comment;
  if (isIndexBacked(def)) {
    if (facts.indexOptions?.length) def.options = facts.indexOptions;
    if (facts.indexComment !== undefined) def.indexComment = facts.indexComment;
  }
  return def;
}
