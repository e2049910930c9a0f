import type { QualifiedName } from '../../model/names.js';
import type { ConstraintDef } from '../../model/objects.js';
import { columnDep, constraintDep, relationDep, uniqueKeysDep } from '../../plan/dependency-keys.js';
import { expressionTexts } from '../../plan/mentions.js';
import { deps, type Deps } from '../../plan/object-deps.js';

/**
 * A table constraint: its table and columns; a foreign key also the referenced table, columns
 * and unique key; PRIMARY KEY/UNIQUE/EXCLUDE provide a unique key foreign keys can point at, and
 * their index (a relation named as the constraint, which COMMENT ON INDEX needs).
 */
export function constraintDeps(table: QualifiedName, c: ConstraintDef): Deps {
  const provides = [constraintDep(table, c.name)];
  const requires = [relationDep(table)];
  const mentions: string[] = [];
  switch (c.type) {
    case 'primary key':
    case 'unique':
      provides.push(uniqueKeysDep(table), relationDep({ schema: table.schema, name: c.name }));
      requires.push(...[...c.columns, ...c.include].map((n) => columnDep(table, n)));
      break;
    case 'exclude':
      provides.push(uniqueKeysDep(table), relationDep({ schema: table.schema, name: c.name }));
      requires.push(...c.include.map((n) => columnDep(table, n)));
      for (const k of c.keys) {
        if (k.column !== undefined) requires.push(columnDep(table, k.column));
        mentions.push(...expressionTexts(k.expression));
      }
      mentions.push(...expressionTexts(c.where));
      break;
    case 'foreign key': {
      const ref = c.references.table;
      requires.push(...c.columns.map((n) => columnDep(table, n)));
      requires.push(relationDep(ref), uniqueKeysDep(ref), ...c.references.columns.map((n) => columnDep(ref, n)));
      break;
    }
    case 'check':
      mentions.push(...expressionTexts(c.expression));
      break;
  }
  return deps({ provides, requires, mentions });
}
