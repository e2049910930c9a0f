import { qualify } from '../../model/names.js';
import { createRangeTypeSql } from '../../model/sql/index.js';
import { statement } from '../../plan/action.js';
import { typeExists } from '../../plan/catalog-conditions.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { rangeTypeDeps } from '../../plan/object-deps.js';
import { DROP_RANK, RANK } from '../../plan/rank.js';
import { CREATES } from '../../plan/statement-effects.js';
import { createdCommentActions } from '../comment/comment-actions.js';
import type { KindModule } from '../kind-module.js';
import { relationObject } from '../object-specs.js';
import type { RangeTypeChange } from './range-type-change.js';
import { diffRangeTypes } from './range-type-diff.js';

/**
 * Range types (CREATE TYPE .. AS RANGE) and, with each, its multirange type: created guarded
 * (no IF NOT EXISTS); renamed and dropped through the shared changes. PostgreSQL cannot alter
 * one: a different definition is drop and create, only when nothing uses the type.
 */
export const rangeTypeKind: KindModule<'rangeType', RangeTypeChange, 'range type'> = {
  name: 'rangeType',
  diff: diffRangeTypes,
  changes: {
    createRangeType: {
      build: (c, index, ctx) => {
        const name = objectName(c);
        return [
          {
            change: index, rank: RANK.rangeType, name,
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
    'range type': relationObject({ keyword: 'TYPE', exists: typeExists, map: (s) => s.rangeTypes, deps: rangeTypeDeps, dropRank: DROP_RANK.rangeType, renamedAsPart: false }),
  },
  compare: { state: (s) => s.rangeTypes, object: () => 'range type' },
};
