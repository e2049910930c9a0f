/** Model objects as PostgreSQL DDL fragments (no trailing semicolons), for dumps and the planner. */
export { identListSql, parenIdentListSql } from './ident-list.js';
export { createSchemaSql, createExtensionSql, alterExtensionSchemaSql } from './schema-sql.js';
export { createEnumSql } from './enum-sql.js';
export { createDomainSql, addDomainCheckSql, domainCheckCommentSql } from './domain-sql.js';
export { attributeSql, createCompositeTypeSql, createRangeTypeSql } from './type-sql.js';
export { createCollationSql } from './collation-sql.js';
export { createOperatorSql, alterOperatorEstimatorsSql, operatorSignatureSql } from './operator-sql.js';
export {
  createSequenceSql, alterSequenceOwnedBySql, identityOptionsSql, defaultSequenceOptions, defaultColumnSequenceName,
} from './sequence-sql.js';
export { columnSql, executableDefault, type IdentityContext, type Spelling } from './column-sql.js';
export { indexKeySql } from './index-key-sql.js';
export { constraintSql, namedConstraintSql, addConstraintSql } from './constraint-sql.js';
export { createTableSql, type CreateTableOptions } from './table-sql.js';
export { withOptionsSql } from './rel-options-sql.js';
export { createIndexSql, type CreateIndexOptions } from './index-sql.js';
export { createViewSql, viewColumnDefaultSql } from './view-sql.js';
export { createFunctionSql, dollarQuote } from './function-sql.js';
export { createTriggerSql, ruleFiringSql, triggerFiringSql } from './trigger-sql.js';
export { createAggregateSql, aggregateArgs, aggregateSubject, defaultModify } from './aggregate-sql.js';
export { createRuleSql } from './rule-sql.js';
export { commentSql, type CommentKind, type CommentTarget } from './comment-sql.js';
export { createPolicySql, alterPolicySql, rowSecuritySql, policyRolesSql } from './policy-sql.js';
