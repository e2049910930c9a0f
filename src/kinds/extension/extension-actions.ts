import type { Change } from '../../diff/change.js';
import { createExtensionSql } from '../../model/sql/index.js';
import { statement, type Action } from '../../plan/action.js';
import { describe, objectName } from '../../plan/describe.js';
import { extensionDeps } from './extension-deps.js';
import { RANK } from '../../plan/rank.js';
import { CREATES } from '../../plan/statement-effects.js';
/** `CREATE EXTENSION IF NOT EXISTS`. */
export function createExtensionActions(c: Extract<Change, { kind: 'createExtension' }>, index: number): Action[] {
  return [
    {
      change: index,
      rank: RANK.extension,
      name: objectName(c),
      statements: [statement(createExtensionSql(c.extension, { ifNotExists: true }), describe(c), CREATES)],
      deps: extensionDeps(c.extension),
    },
  ];
}
