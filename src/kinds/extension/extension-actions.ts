import type { Change } from '../../diff/change.js';
import { alterExtensionSchemaSql, createExtensionSql } from '../../model/sql/index.js';
import { statement, type Action } from '../../plan/action.js';
import { describe, objectName } from '../../plan/describe.js';
import { extensionDeps } from './extension-deps.js';
import { RANK } from '../../plan/rank.js';
import { CREATES, NO_TABLE_LOCK } from '../../plan/statement-effects.js';
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

/**
 * ALTER EXTENSION .. SET SCHEMA: early (the extension's rank), so that what the plan creates
 * after it finds the extension's types and functions in their new schema; after that schema is
 * created. It locks only the extension's member objects: no table lock, no rewrite.
 */
export function setExtensionSchemaActions(c: Extract<Change, { kind: 'setExtensionSchema' }>, index: number): Action[] {
  const e = c.extension;
  return [
    {
      change: index,
      rank: RANK.extension,
      name: objectName(c),
      statements: [statement(alterExtensionSchemaSql(e.name, e.schema), describe(c), NO_TABLE_LOCK)],
      deps: extensionDeps(e),
    },
  ];
}
