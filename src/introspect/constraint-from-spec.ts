import type { ConstraintDef, QualifiedName } from '../model/index.js';
import type { ConstraintSpec } from '../parse/index.js';

/** What pg_constraint says beyond the printed definition; it wins over the printed text. */
export interface ConstraintFacts {
  readonly name: string;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  readonly validated: boolean;
  /** Foreign keys: the referenced table (real names of confrelid) and columns (from confkey). */
  readonly references?: { readonly table: QualifiedName; readonly columns: readonly string[] };
  readonly comment?: string;
}

/**
 * Turns a lowered `pg_get_constraintdef` into the model's constraint. The FK target comes from
 * the catalog: the printed name is qualified only when not on the search_path, and printed
 * referenced columns are omitted by nobody but a human, yet confkey is the truth either way.
 */
export function constraintFromSpec(spec: ConstraintSpec, facts: ConstraintFacts): ConstraintDef {
  const base = {
    name: facts.name,
    deferrable: facts.deferrable,
    initiallyDeferred: facts.initiallyDeferred,
    ...(facts.comment !== undefined ? { comment: facts.comment } : {}),
  };
  switch (spec.type) {
    case 'primary key':
      return { ...base, type: 'primary key', columns: spec.columns, include: spec.include };
    case 'unique':
      return {
        ...base, type: 'unique', columns: spec.columns, include: spec.include, nullsNotDistinct: spec.nullsNotDistinct,
      };
    case 'foreign key':
      return {
        ...base,
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
    case 'check':
      return { ...base, type: 'check', expression: spec.expression, validated: facts.validated, noInherit: spec.noInherit };
    case 'exclude':
      return {
        ...base, type: 'exclude', method: spec.method, keys: spec.keys, include: spec.include,
        ...(spec.where !== undefined ? { where: spec.where } : {}),
      };
  }
}
