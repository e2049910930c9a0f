import { qualify } from '../../model/names.js';
import { createRangeTypeSql } from '../../model/sql/index.js';
import { statement } from '../../plan/action.js';
import { typeExists } from '../../plan/catalog-conditions.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { rangeTypeDeps } from './range-type-deps.js';
import { matchRangeTypes } from './range-type-match.js';
import { typeDep } from '../../plan/dependency-keys.js';
import { DROP_RANK, RANK } from '../../plan/rank.js';
import { CREATES } from '../../plan/statement-effects.js';
import { createdCommentActions } from '../comment/comment-actions.js';
import type { KindModule } from '../kind-module.js';
import { ownNames, relationObject } from '../object-specs.js';
import type { RangeTypeChange } from './range-type-change.js';
import { diffRangeTypes } from './range-type-diff.js';

/** Range types are created among the domains (after enum labels; dependencies order them), dropped like domains. */
const RANGE_TYPE_RANK = { create: RANK.enumValue + 3, drop: DROP_RANK.enum - 5 } as const;

/**
 * Range types (CREATE TYPE .. AS RANGE) and, with each, its multirange type: created guarded
 * (no IF NOT EXISTS); renamed and dropped through the shared changes. PostgreSQL cannot alter
 * one: a different definition is drop and create, only when nothing uses the type.
 */
export const rangeTypeKind: KindModule<'rangeType', RangeTypeChange, 'range type'> = {
  name: 'rangeType',
  match: matchRangeTypes,
  diff: diffRangeTypes,
  changes: {
    createRangeType: {
      build: (c, index, ctx) => {
        const name = objectName(c);
        return [
          {
            change: index, rank: RANGE_TYPE_RANK.create, name,
            statements: [statement(guardedSql(`NOT ${typeExists(c.range)}`, [createRangeTypeSql(c.range)]), describe(c), CREATES)],
            deps: rangeTypeDeps(c.range),
          },
          ...createdCommentActions(index, name, [{ object: 'range type', ref: c.range, text: c.range.comment }], ctx),
        ];
      },
      describe: (c) => ({ object: 'range type', name: qualify(c.range), group: qualify(c.range), action: 'create', detail: c.range.subtype }),
    },
  },
  objects: {
    'range type': relationObject({ keyword: 'TYPE', exists: typeExists, map: (s) => s.rangeTypes, deps: rangeTypeDeps, dropRank: RANGE_TYPE_RANK.drop, renamedAsPart: false, names: ownNames('range type'), dep: typeDep }),
  },
  compare: { state: (s) => s.rangeTypes, object: () => 'range type' },
  mentionables: (s) => [...s.rangeTypes.values()].flatMap((r) => rangeTypeDeps(r).mentionables),
};
