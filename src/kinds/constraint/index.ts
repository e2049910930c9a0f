import { qualify, quoteIdent } from '../../model/names.js';
import { constraintDeps } from './constraint-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { liveTableOf, parentOf, qualifiedName, schemaAndParent } from '../object-specs.js';
import { addConstraintActions, constraintExists, noteAddedConstraint, validateConstraintActions } from './constraint-actions.js';
import { constraintDep } from '../../plan/dependency-keys.js';
import { partDep, partNames } from '../object-specs.js';
import { constraintDiagram } from './constraint-diagram.js';
import type { ConstraintChange } from './constraint-change.js';
import { matchConstraints } from './constraint-match.js';

/** Table constraints: diffed with their table (table-diff.ts calls diffConstraints). */
export const constraintKind: KindModule<'constraint', ConstraintChange, 'constraint'> = {
  name: 'constraint',
  match: matchConstraints,
  changes: {
    addConstraint: {
      build: addConstraintActions,
      diagram: (c, marks) => marks.touch(c.table),
      scan: noteAddedConstraint,
      describe: (c) => ({ object: 'constraint', name: `${qualify(c.table)}.${quoteIdent(c.constraint.name)}`, group: qualify(c.table), action: 'add', detail: c.constraint.type }),
    },
    validateConstraint: {
      build: validateConstraintActions,
      diagram: (c, marks) => marks.touch(c.table),
      describe: (c) => ({ object: 'constraint', name: `${qualify(c.table)}.${quoteIdent(c.constraint)}`, group: qualify(c.table), action: 'validate' }),
    },
  },
  objects: {
    constraint: {
      displayName: qualifiedName,
      dropRank: DROP_RANK.constraint,
      dropTarget: (_c, live, r) => {
        const t = liveTableOf(live, r);
        const con = t?.constraints.find((x) => x.name === r.name);
        return t && con && { deps: constraintDeps(t, con), dropRank: con.type === 'foreign key' ? DROP_RANK.foreignKey : DROP_RANK.constraint };
      },
      dropSql: (c) => `ALTER TABLE IF EXISTS ${qualify(parentOf(c.ref))} DROP CONSTRAINT IF EXISTS ${quoteIdent(c.ref.name)}`,
      renameSql: (from, to) => {
        const t = parentOf(from);
        return {
          condition: `${constraintExists(t, from.name)} AND NOT ${constraintExists(t, to.name)}`,
          statements: [`ALTER TABLE ${qualify(t)} RENAME CONSTRAINT ${quoteIdent(from.name)} TO ${quoteIdent(to.name)}`],
        };
      },
      renamedAsPart: true,
      mentionable: false,
      dropRequires: schemaAndParent,
      names: partNames('constraint', 'table'),
      dep: partDep(constraintDep),
      parent: 'table',
      droppedWithParent: true,
      dropKeepsRows: true,
      diagram: constraintDiagram,
    },
  },
};
