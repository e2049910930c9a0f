import { assertNever } from '../../diff/change.js';
import { renameColumnsInExpression, renameKeyColumns, swapNames, type LiveNames } from '../../diff/live-names.js';
import type { ConstraintDef, QualifiedName } from '../../model/objects.js';

/** A live constraint of live table `table`, under target names (its columns', a foreign key's table and columns). */
export function targetNamedConstraint(names: LiveNames, table: QualifiedName, c: ConstraintDef): ConstraintDef {
  const renames = names.columnRenames(table);
  const untouched = !renames.size &&
    (c.type !== 'foreign key' || (names.keepsName(c.references.table) && !names.columnRenames(c.references.table).size));
  if (untouched) return c;
  switch (c.type) {
    case 'primary key':
      return { ...c, columns: swapNames(c.columns, renames), include: swapNames(c.include, renames) };
    case 'unique':
      return { ...c, columns: swapNames(c.columns, renames), include: swapNames(c.include, renames) };
    case 'foreign key': {
      const ref = c.references.table;
      return {
        ...c,
        columns: swapNames(c.columns, renames),
        references: { ...c.references, table: names.relation(ref), columns: swapNames(c.references.columns, names.columnRenames(ref)) },
      };
    }
    case 'check':
      return { ...c, expression: renameColumnsInExpression(c.expression, renames) };
    case 'exclude': {
      const where = c.where === undefined ? undefined : renameColumnsInExpression(c.where, renames);
      const { where: _w, ...rest } = c;
      return { ...rest, keys: renameKeyColumns(c.keys, renames), include: swapNames(c.include, renames), ...(where !== undefined ? { where } : {}) };
    }
    default:
      return assertNever(c, 'constraint type');
  }
}
