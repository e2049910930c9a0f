import type { Mutable } from '../../model/mutable.js';
import { collationOfNames } from './collation-name.js';
import type { ColumnOverride, ColumnSpec, ConstraintSpec, SequenceOptions } from '../ddl.js';
import { type AstNode, strList } from '../libpg.js';
import { exprTexts } from '../normalize-expr.js';
import { lowerTypeName } from '../type-names.js';
import { foldConstraintAttributes, lowerConstraint } from './constraint.js';
import { lowerSequenceOptions } from './sequence-options.js';

/** A collation as the model spells it (see collationName: `"C"`, `"en_US"`, `"app"."german"`). */
export function lowerCollation(collClause: AstNode | undefined): string | undefined {
  if (!collClause) return undefined;
  return collationOfNames(strList(collClause.CollateClause?.collname ?? collClause.collname));
}

/** Lowers a ColumnDef with its inline constraints (NOT NULL, DEFAULT, identity, PK, FK...). */
export function lowerColumnDef(cd: AstNode): ColumnSpec {
  return lowerColumn(cd, true) as ColumnSpec;
}

/** Lowers a ColumnDef without its type: what a partition may say of a column it inherits. */
export function lowerColumnOverride(cd: AstNode): ColumnOverride {
  return lowerColumn(cd, false);
}

/**
 * The column's fields, then its type when asked (last: where it was when the type was spread
 * onto the override, which cost ~1 µs per column at L: a spread of an object of many shapes).
 */
function lowerColumn(cd: AstNode, withType: boolean): ColumnOverride {
  let notNull = false;
  let def: string | undefined;
  let defSql: string | undefined;
  let identity: { always: boolean; options: SequenceOptions } | undefined;
  let generated: string | undefined;
  let generatedSql: string | undefined;
  const constraints: ConstraintSpec[] = [];
  for (const c of foldConstraintAttributes(cd.constraints ?? [])) {
    switch (c.contype) {
      case 'CONSTR_NOTNULL':
        notNull = true;
        break;
      case 'CONSTR_NULL':
        notNull = false;
        break;
      case 'CONSTR_DEFAULT':
        ({ canonical: def, written: defSql } = exprTexts(c.raw_expr));
        break;
      case 'CONSTR_IDENTITY':
        identity = { always: c.generated_when === 'a', options: lowerSequenceOptions(c.options) };
        notNull = true;
        break;
      case 'CONSTR_GENERATED':
        ({ canonical: generated, written: generatedSql } = exprTexts(c.raw_expr));
        break;
      case 'CONSTR_PRIMARY':
        notNull = true;
        constraints.push(lowerConstraint(c, cd.colname)!);
        break;
      default: {
        const spec = lowerConstraint(c, cd.colname);
        if (spec) constraints.push(spec);
      }
    }
  }
  const spec: Mutable<ColumnOverride> = { name: cd.colname, notNull, constraints };
  if (def !== undefined) spec.default = def;
  if (defSql !== undefined) spec.defaultSql = defSql;
  if (identity) spec.identity = identity;
  if (generated !== undefined) spec.generated = generated;
  if (generatedSql !== undefined) spec.generatedSql = generatedSql;
  const collation = lowerCollation(cd.collClause);
  if (collation) spec.collation = collation;
  if (withType) (spec as Mutable<ColumnSpec>).type = lowerTypeName(cd.typeName);
  return spec;
}
