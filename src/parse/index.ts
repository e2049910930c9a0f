export * from './ddl.js';
export { parseRevision } from './parse-revision.js';
export {
  normalizeExpression, normalizeQuery, coerceConstantDefault, columnsInExpression, renameColumnInExpression,
  writtenMatches, dropNoOpOutputCasts, viewOutputSource, viewOutputCasts, type OutputCast, type ColumnSource,
} from './normalize-expr.js';
export { formatBuiltin, isBuiltinTypeName } from './type-names.js';
export { parseDefinition, parseConstraintDefinition } from './parse-definition.js';
export {
  renameInViewQuery, expandViewStars, expandExpressionStars, viewUses, viewOutputColumns, viewWithOutputNames, type ViewRename, type ColumnsOf,
} from './rewrite-view.js';
export { indexKeyName } from './lower/objects.js';
export { renameInTableExpression } from './rewrite-expression.js';
export { renameRoutineInQuery } from './rename-routine.js';
export { canonicalRuleActions, moveRelationInRuleActions, renameColumnInRule, ruleActionsSql, type RelationMove } from './rule-actions.js';
export { objectTextMove, renameSchemaInNames, schemaTextRename } from './rename-schema.js';
