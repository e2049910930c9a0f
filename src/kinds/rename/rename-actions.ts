import type { Change } from '../../diff/change.js';
import { statement, type Built } from '../../plan/action.js';
import { freeDep, objectDep, schemaDep } from '../../plan/dependency-keys.js';
import { describe, objectName } from '../../plan/describe.js';
import { guardedSql } from '../../plan/guarded-sql.js';
import { deps } from '../../plan/object-deps.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { RANK } from '../../plan/rank.js';
import { objectSpecs } from '../kind-lookup.js';
import { ALTERS_CATALOG, NO_TABLE_LOCK } from '../../plan/statement-effects.js';

/**
 * A rename (or move to another schema) the history made and the live database lacks, named as
 * the diff names everything: after its renames (a column by its table's new name). Guarded
 * to run only while the old name exists and the new one does not, so a re-run does nothing.
 * Functions are renamed with ALTER ROUTINE (PostgreSQL 11+), covering procedures too.
 */
export function renameActions(c: Extract<Change, { kind: 'rename' }>, index: number, ctx: PlanContext): Built {
  const spec = objectSpecs()[c.object];
  const sql = spec.renameSql(c.from, c.to, ctx.live);
  if (typeof sql === 'string') return { unplannable: sql };
  const to = objectDep(c.object, c.to);
  return [
    {
      change: index,
      rank: c.object === 'schema' ? RANK.renameSchema : spec.renamedAsPart ? RANK.renamePart : RANK.rename,
      name: objectName(c),
      statements: [statement(guardedSql(sql.condition, sql.statements), describe(c), c.object === 'schema' ? NO_TABLE_LOCK : ALTERS_CATALOG)],
      deps: deps({
        provides: [to, freeDep(objectDep(c.object, c.from))],
        mentionables: spec.mentionable ? [{ key: to, ref: { schema: c.to.schema, name: c.to.name } }] : [],
        requires: c.from.schema !== c.to.schema && c.object !== 'schema' ? [schemaDep(c.to.schema)] : [],
      }),
    },
  ];
}
