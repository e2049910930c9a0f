import { qualify, quoteIdent } from '../../model/names.js';
import { columnExists, typeExists } from '../../plan/catalog-conditions.js';
import { compositeTypeDeps } from './composite-type-deps.js';
import { typeMention } from '../../plan/object-deps.js';
import { matchCompositeTypes } from './composite-type-match.js';
import type { KindModule } from '../kind-module.js';
import { ownNames, parentOf, partDep, partName, partNames, relationObject } from '../object-specs.js';
import { columnDep, schemaDep, typeDep } from '../../plan/dependency-keys.js';
import { COMPOSITE_TYPE_RANK, compositeTypeActions } from './composite-type-actions.js';
import { describeCompositeTypeOp, type CompositeTypeChange } from './composite-type-change.js';
import { compareAttributes, countAttributes } from './composite-type-compare.js';
import { diffCompositeTypes } from './composite-type-diff.js';

/**
 * Stand-alone composite types (CREATE TYPE .. AS (...)): created guarded (no IF NOT EXISTS),
 * attributes added, dropped, retyped and renamed in place where PostgreSQL can; the type is
 * renamed and dropped through the shared rename and drop changes; `check` compares attributes one by one.
 */
export const compositeTypeKind: KindModule<'compositeType', CompositeTypeChange, 'composite type' | 'attribute'> = {
  name: 'compositeType',
  match: matchCompositeTypes,
  diff: diffCompositeTypes,
  changes: {
    compositeType: { build: compositeTypeActions, describe: (c) => describeCompositeTypeOp(c.type, c.op) },
  },
  objects: {
    'composite type': relationObject({
      keyword: 'TYPE', exists: typeExists, map: (s) => s.compositeTypes, deps: compositeTypeDeps, dropRank: COMPOSITE_TYPE_RANK.drop, renamedAsPart: false,
      names: ownNames('composite type'), dep: typeDep,
    }),
    attribute: {
      displayName: partName,
      dropRank: 0,
      // Attribute drops are composite type changes (ALTER TYPE .. DROP ATTRIBUTE), never generic drops.
      dropTarget: () => undefined,
      dropSql: () => undefined,
      renameSql: (from, to) => {
        const t = parentOf(from);
        return {
          condition: `${columnExists(t, from.name)} AND NOT ${columnExists(t, to.name)}`,
          statements: [`ALTER TYPE ${qualify(t)} RENAME ATTRIBUTE ${quoteIdent(from.name)} TO ${quoteIdent(to.name)}`],
        };
      },
      renamedAsPart: true,
      mentionable: false,
      dropRequires: (r) => [schemaDep(r.schema)],
      names: partNames('attribute', 'composite type'),
      // A composite type's attributes are columns of the type (pg_attribute), keyed like a table's.
      dep: partDep(columnDep),
      parent: 'composite type',
    },
  },
  compare: {
    state: (s) => s.compositeTypes,
    object: () => 'composite type',
    parts: compareAttributes,
    ignored: new Set(['attributes']),
    countParts: countAttributes,
  },
  mentionables: (s) => [...s.compositeTypes.values()].map(typeMention),
};
