import type { Ddl } from '../ddl.js';
import { type AstNode, unwrap } from '../libpg.js';
import {
  lowerComment, lowerCreateTableAs, lowerDrop, lowerEnum, lowerFunction, lowerIndex, lowerRename,
  lowerSchemaOrExtension, lowerSequence, lowerSetSchema, lowerTrigger, lowerUpdateExtension, lowerView,
} from './objects.js';
import { lowerAlterFunction } from './alter-function.js';
import { lowerData } from './data.js';
import { lowerAlterOperator, lowerDefine } from './define.js';
import { lowerAlterDomain, lowerCreateDomain } from './domain.js';
import { notManaged } from './not-managed.js';
import { lowerAlterPolicy, lowerCreatePolicy } from './policy.js';
import { lowerRule } from './rule.js';
import { lowerAlterOwner, lowerDefaultPrivileges, lowerGrant, lowerRelationOwner } from './privileges.js';
import { lowerAlterTable, lowerCreateTable } from './table.js';
import { lowerAlterType, lowerCompositeType, lowerRangeType } from './type.js';

/** Statements that change no schema: recognised and counted, never warned about. */
const NO_SCHEMA_CHANGE: Record<string, string> = {
  TransactionStmt: 'transaction control', VariableSetStmt: 'SET', VariableShowStmt: 'SHOW', LockStmt: 'LOCK',
  ReindexStmt: 'REINDEX', SelectStmt: 'SELECT', InsertStmt: 'INSERT', UpdateStmt: 'UPDATE', DeleteStmt: 'DELETE',
  VacuumStmt: 'VACUUM/ANALYZE', ExplainStmt: 'EXPLAIN', CheckPointStmt: 'CHECKPOINT', NotifyStmt: 'NOTIFY',
  DiscardStmt: 'DISCARD', RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW', ClusterStmt: 'CLUSTER',
  CopyStmt: 'COPY', MergeStmt: 'MERGE', TruncateStmt: 'TRUNCATE', ListenStmt: 'LISTEN', PrepareStmt: 'PREPARE',
  ExecuteStmt: 'EXECUTE', DeallocateStmt: 'DEALLOCATE',
  // Records the OS library's current collation version: per server, never compared.
  AlterCollationStmt: 'ALTER COLLATION .. REFRESH VERSION',
};

/** Statements that may change rows: lowered to `data` so the plan can list them. */
const DATA = new Set(['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'CopyStmt', 'TruncateStmt']);

/** Lowers one parsed statement to the IR; anything not modelled becomes `unsupported`. */
export function lowerStatement(stmt: AstNode): Ddl {
  const [type, s] = unwrap(stmt);
  const noop = NO_SCHEMA_CHANGE[type];
  if (noop) return (DATA.has(type) ? lowerData(type, s) : undefined) ?? { kind: 'noop', what: noop };
  switch (type) {
    case 'CreateStmt': return lowerCreateTable(s);
    case 'AlterTableStmt': return lowerRelationOwner(s) ?? (s.objtype === 'OBJECT_TYPE' ? lowerAlterType(s) : lowerAlterTable(s));
    case 'IndexStmt': return lowerIndex(s);
    case 'CreateEnumStmt': return lowerEnum('create', s);
    case 'AlterEnumStmt': return lowerEnum('alter', s);
    case 'CreateDomainStmt': return lowerCreateDomain(s);
    case 'AlterDomainStmt': return lowerAlterDomain(s);
    case 'CompositeTypeStmt': return lowerCompositeType(s);
    case 'CreateRangeStmt': return lowerRangeType(s);
    case 'CreateSeqStmt': return lowerSequence('create', s);
    case 'AlterSeqStmt': return lowerSequence('alter', s);
    case 'ViewStmt': return lowerView(s);
    case 'CreateTableAsStmt': return lowerCreateTableAs(s);
    case 'CreateFunctionStmt': return lowerFunction(s);
    case 'AlterFunctionStmt': return lowerAlterFunction(s);
    case 'CreateTrigStmt': return lowerTrigger(s);
    case 'RuleStmt': return lowerRule(s);
    case 'CreatePolicyStmt': return lowerCreatePolicy(s);
    case 'AlterPolicyStmt': return lowerAlterPolicy(s);
    case 'RenameStmt': return lowerRename(s);
    case 'AlterObjectSchemaStmt': return lowerSetSchema(s);
    case 'DropStmt': return lowerDrop(s);
    case 'CommentStmt': return lowerComment(s);
    case 'CreateSchemaStmt': return lowerSchemaOrExtension('schema', s);
    case 'CreateExtensionStmt': return lowerSchemaOrExtension('extension', s);
    case 'AlterExtensionStmt': return lowerUpdateExtension(s);
    case 'GrantStmt': return lowerGrant(s);
    case 'AlterDefaultPrivilegesStmt': return lowerDefaultPrivileges(s);
    case 'AlterOwnerStmt': return lowerAlterOwner(s);
    case 'DefineStmt': return lowerDefine(s);
    case 'AlterOperatorStmt': return lowerAlterOperator(s);
    default:
      return notManaged(type) ?? { kind: 'unsupported', what: type.replace(/Stmt$/, '') };
  }
}
