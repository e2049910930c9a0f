import type { Mutable } from '../../model/mutable.js';
import type { TriggerFiring } from '../../model/objects.js';
import type { AlterTableCommand, ColumnOverride, ColumnSpec, ConstraintSpec, Ddl, LikeClause, RelOptionChanges } from '../ddl.js';
import { type AstNode, deparseNode } from '../libpg.js';
import { canonicalExprNode, exprTexts } from '../normalize-expr.js';
import { lowerTypeName } from '../type-names.js';
import { lowerColumnDef, lowerColumnOverride, lowerCollation } from './column.js';
import { foldConstraintAttributes, lowerConstraint, rangeVarName } from './constraint.js';
import { tableOptions } from '../../model/table-options.js';
import { lowerRelOptions } from './rel-options.js';
import { lowerSequenceOptions } from './sequence-options.js';
import { notManagedMove, notManagedOn, TABLESPACE_WHY } from './not-managed.js';
import { quoteIdent, quoteLiteral } from '../../model/names.js';

const STRATEGY: Record<string, string> = {
  PARTITION_STRATEGY_RANGE: 'RANGE', PARTITION_STRATEGY_LIST: 'LIST', PARTITION_STRATEGY_HASH: 'HASH',
};

function partitionByText(spec: AstNode): string {
  const parts = (spec.partParams ?? []).map((p: AstNode) => {
    const e = p.PartitionElem;
    return e.name !== undefined ? e.name : `(${canonicalExprNode(e.expr)})`;
  });
  return `${STRATEGY[spec.strategy] ?? spec.strategy} (${parts.join(', ')})`;
}

function datumText(d: AstNode): string {
  const c = d.A_Const;
  if (c?.sval) return quoteLiteral(c.sval.sval ?? '');
  if (c?.ival) return String(c.ival.ival ?? 0);
  if (c?.fval) return String(c.fval.fval);
  if (c?.boolval) return String(!!c.boolval.boolval);
  if (c?.isnull) return 'NULL';
  const ref = d.ColumnRef?.fields?.[0]?.String?.sval;
  if (ref === 'minvalue' || ref === 'maxvalue') return ref.toUpperCase();
  return canonicalExprNode(d);
}

/** A partition bound in `pg_get_expr(relpartbound)`'s spelling. */
function partitionBoundText(b: AstNode): string {
  if (b.is_default) return 'DEFAULT';
  const list = (xs: AstNode[] | undefined): string => (xs ?? []).map(datumText).join(', ');
  if (b.strategy === 'l') return `FOR VALUES IN (${list(b.listdatums)})`;
  if (b.strategy === 'h') return `FOR VALUES WITH (modulus ${b.modulus ?? 0}, remainder ${b.remainder ?? 0})`;
  return `FOR VALUES FROM (${list(b.lowerdatums)}) TO (${list(b.upperdatums)})`;
}

/** CREATE_TABLE_LIKE_* bits of TableLikeClause.options (PostgreSQL's parsenodes.h). */
const LIKE_BITS = { comments: 1 << 0, constraints: 1 << 2, defaults: 1 << 3, generated: 1 << 4, identity: 1 << 5, indexes: 1 << 6 } as const;

/** `LIKE source INCLUDING ..`: the source and what is copied, decoded from PostgreSQL's bit mask. */
function lowerLike(like: AstNode, position: number): LikeClause {
  const bits: number = like.options ?? 0;
  const has = (bit: number): boolean => (bits & bit) !== 0;
  return {
    source: rangeVarName(like.relation),
    position,
    including: {
      comments: has(LIKE_BITS.comments), constraints: has(LIKE_BITS.constraints), defaults: has(LIKE_BITS.defaults),
      generated: has(LIKE_BITS.generated), identity: has(LIKE_BITS.identity), indexes: has(LIKE_BITS.indexes),
    },
  };
}

/** Lowers CREATE TABLE (columns, inline and table constraints, LIKE, UNLOGGED, partitioning). */
export function lowerCreateTable(s: AstNode): Ddl {
  const columns: ColumnSpec[] = [];
  const overrides: ColumnOverride[] = [];
  const constraints: ConstraintSpec[] = [];
  const likes: LikeClause[] = [];
  for (const el of s.tableElts ?? []) {
    if (el.ColumnDef && s.partbound) overrides.push(lowerColumnOverride(el.ColumnDef));
    else if (el.ColumnDef) columns.push(lowerColumnDef(el.ColumnDef));
    else if (el.Constraint) {
      const [c] = foldConstraintAttributes([el]);
      const spec = lowerConstraint(c);
      if (spec) constraints.push(spec);
    } else if (el.TableLikeClause) likes.push(lowerLike(el.TableLikeClause, columns.length));
    else return { kind: 'unsupported', what: 'CREATE TABLE element' };
  }
  if (s.inhRelations?.length && !s.partbound) return { kind: 'unsupported', what: 'CREATE TABLE ... INHERITS' };
  if (s.relation.relpersistence === 't') return { kind: 'noop', what: 'CREATE TEMPORARY TABLE' };
  const parent = s.partbound && s.inhRelations?.[0]?.RangeVar;
  const ddl: Mutable<Extract<Ddl, { kind: 'createTable' }>> = {
    kind: 'createTable',
    table: rangeVarName(s.relation),
    ifNotExists: !!s.if_not_exists,
    unlogged: s.relation.relpersistence === 'u',
    columns,
    constraints,
  };
  if (s.partspec) ddl.partitionBy = partitionByText(s.partspec);
  if (parent) ddl.partitionOf = { parent: rangeVarName(parent), bound: partitionBoundText(s.partbound) };
  if (overrides.length) ddl.columnOverrides = overrides;
  if (likes.length) ddl.likes = likes;
  const options = tableOptions(lowerRelOptions(s.options));
  if (options) ddl.options = options;
  return ddl;
}

function lowerAlterCommand(cmd: AstNode): AlterTableCommand {
  const column = cmd.name as string;
  switch (cmd.subtype) {
    case 'AT_AddColumn':
      return { op: 'addColumn', column: lowerColumnDef(cmd.def.ColumnDef), ifNotExists: !!cmd.missing_ok };
    case 'AT_DropColumn':
      return { op: 'dropColumn', column, ifExists: !!cmd.missing_ok, cascade: cmd.behavior === 'DROP_CASCADE' };
    case 'AT_AlterColumnType': {
      const cd = cmd.def.ColumnDef;
      const collation = lowerCollation(cd.collClause);
      return {
        op: 'alterColumnType', column, type: lowerTypeName(cd.typeName),
        ...(collation ? { collation } : {}),
        // As written: the canonical form drops casts, and a USING is all about its cast.
        ...(cd.raw_default ? { using: deparseNode(cd.raw_default) } : {}),
      };
    }
    case 'AT_ColumnDefault': {
      if (!cmd.def) return { op: 'setDefault', column, expression: null };
      const { canonical, written } = exprTexts(cmd.def);
      return { op: 'setDefault', column, expression: canonical, expressionSql: written };
    }
    case 'AT_SetNotNull':
      return { op: 'setNotNull', column };
    case 'AT_DropNotNull':
      return { op: 'dropNotNull', column };
    case 'AT_AddConstraint': {
      const [c] = foldConstraintAttributes([cmd.def]);
      const spec = lowerConstraint(c);
      return spec ? { op: 'addConstraint', constraint: spec } : { op: 'unsupported', what: `ADD CONSTRAINT ${c.contype}` };
    }
    case 'AT_DropConstraint':
      return { op: 'dropConstraint', name: column, ifExists: !!cmd.missing_ok, cascade: cmd.behavior === 'DROP_CASCADE' };
    case 'AT_ValidateConstraint':
      return { op: 'validateConstraint', name: column };
    case 'AT_AddIdentity': {
      const c = cmd.def.Constraint;
      return { op: 'addIdentity', column, always: c.generated_when === 'a', options: lowerSequenceOptions(c.options) };
    }
    case 'AT_SetIdentity': {
      const defs: AstNode[] = cmd.def?.List?.items ?? [];
      const gen = defs.find((d) => d.DefElem.defname === 'generated');
      const rest = defs.filter((d) => d.DefElem.defname !== 'generated');
      const always = gen ? (gen.DefElem.arg.Integer?.ival ?? 0) === 97 : undefined;
      return { op: 'setIdentity', column, ...(always !== undefined ? { always } : {}), options: lowerSequenceOptions(rest) };
    }
    case 'AT_DropIdentity':
      return { op: 'dropIdentity', column, ifExists: !!cmd.missing_ok };
    case 'AT_SetRelOptions':
    case 'AT_ResetRelOptions':
      return { op: 'setOptions', changes: relOptionChanges([cmd]) };
    case 'AT_SetLogged':
      return { op: 'setLogged', unlogged: false };
    case 'AT_SetUnLogged':
      return { op: 'setLogged', unlogged: true };
    case 'AT_EnableRowSecurity':
    case 'AT_DisableRowSecurity':
      return { op: 'rowSecurity', enabled: cmd.subtype === 'AT_EnableRowSecurity' };
    case 'AT_ForceRowSecurity':
    case 'AT_NoForceRowSecurity':
      return { op: 'rowSecurity', forced: cmd.subtype === 'AT_ForceRowSecurity' };
    case 'AT_EnableTrig': case 'AT_EnableAlwaysTrig': case 'AT_EnableReplicaTrig': case 'AT_DisableTrig':
    case 'AT_EnableTrigAll': case 'AT_DisableTrigAll': case 'AT_EnableTrigUser': case 'AT_DisableTrigUser':
      return { op: 'triggerFiring', ...(cmd.name !== undefined ? { trigger: cmd.name as string } : {}), firing: TRIGGER_FIRING[cmd.subtype as string]! };
    case 'AT_EnableRule': case 'AT_EnableAlwaysRule': case 'AT_EnableReplicaRule': case 'AT_DisableRule':
      return { op: 'ruleFiring', rule: cmd.name as string, firing: RULE_FIRING[cmd.subtype as string]! };
    case 'AT_AttachPartition':
      return { op: 'attachPartition', partition: rangeVarName(cmd.def.PartitionCmd.name), bound: partitionBoundText(cmd.def.PartitionCmd.bound) };
    case 'AT_DetachPartition':
      return { op: 'detachPartition', partition: rangeVarName(cmd.def.PartitionCmd.name), mode: cmd.def.PartitionCmd.concurrent ? 'concurrently' : 'plain' };
    case 'AT_DetachPartitionFinalize':
      return { op: 'detachPartition', partition: rangeVarName(cmd.def.PartitionCmd.name), mode: 'finalize' };
    case 'AT_SetTableSpace':
      return { op: 'unsupported', what: `SET TABLESPACE ${quoteIdent(cmd.name as string)}: ${TABLESPACE_WHY}; apply does not run it and check does not compare tablespaces` };
    default:
      return { op: 'unsupported', what: `ALTER TABLE ${String(cmd.subtype).replace(/^AT_/, '')}` };
  }
}

/** How each ENABLE / DISABLE TRIGGER subcommand leaves the trigger firing. */
const TRIGGER_FIRING: Readonly<Record<string, TriggerFiring | 'enabled'>> = {
  AT_EnableTrig: 'enabled', AT_EnableTrigAll: 'enabled', AT_EnableTrigUser: 'enabled', AT_EnableAlwaysTrig: 'always',
  AT_EnableReplicaTrig: 'replica', AT_DisableTrig: 'disabled', AT_DisableTrigAll: 'disabled', AT_DisableTrigUser: 'disabled',
};

/** How each ENABLE / DISABLE RULE subcommand leaves the rule firing. */
const RULE_FIRING: Readonly<Record<string, TriggerFiring | 'enabled'>> = {
  AT_EnableRule: 'enabled', AT_EnableAlwaysRule: 'always', AT_EnableReplicaRule: 'replica', AT_DisableRule: 'disabled',
};

/** Lowers ALTER TABLE (and ALTER INDEX/SEQUENCE/VIEW forms that reach AlterTableStmt). */
export function lowerAlterTable(s: AstNode): Ddl {
  const options = lowerSetRelOptions(s);
  if (options) return options;
  if (s.objtype === 'OBJECT_FOREIGN_TABLE') return notManagedOn('ALTER FOREIGN TABLE', 'OBJECT_FOREIGN_TABLE');
  if (s.objtype === 'OBJECT_VIEW') {
    return { kind: 'alterView', view: rangeVarName(s.relation), ifExists: !!s.missing_ok, commands: (s.cmds ?? []).map((c: AstNode) => lowerAlterCommand(c.AlterTableCmd)) };
  }
  if (s.objtype !== 'OBJECT_TABLE') {
    const what = `ALTER ${String(s.objtype).replace(/^OBJECT_/, '').replace('MATVIEW', 'MATERIALIZED VIEW')}`;
    const moves = (s.cmds ?? []).length && (s.cmds as AstNode[]).every((c) => c.AlterTableCmd.subtype === 'AT_SetTableSpace');
    return moves ? notManagedMove(`${what} .. SET TABLESPACE`) : { kind: 'unsupported', what };
  }
  return {
    kind: 'alterTable',
    table: rangeVarName(s.relation),
    ifExists: !!s.missing_ok,
    commands: (s.cmds ?? []).map((c: AstNode) => lowerAlterCommand(c.AlterTableCmd)),
  };
}

const OPTION_TARGETS: Record<string, 'index' | 'view'> = { OBJECT_INDEX: 'index', OBJECT_VIEW: 'view', OBJECT_MATVIEW: 'view' };

/** ALTER INDEX / VIEW / MATERIALIZED VIEW whose commands only SET or RESET storage options. */
function lowerSetRelOptions(s: AstNode): Ddl | undefined {
  const target = OPTION_TARGETS[s.objtype as string];
  const cmds: AstNode[] = (s.cmds ?? []).map((c: AstNode) => c.AlterTableCmd);
  if (!target || !cmds.length || !cmds.every((c) => c.subtype === 'AT_SetRelOptions' || c.subtype === 'AT_ResetRelOptions')) return undefined;
  return { kind: 'setRelOptions', target, relation: rangeVarName(s.relation), ifExists: !!s.missing_ok, changes: relOptionChanges(cmds) };
}

/** The SET / RESET storage options of AlterTableCmds, in order. */
function relOptionChanges(cmds: readonly AstNode[]): RelOptionChanges {
  return cmds.flatMap((c): ({ set: string } | { reset: string })[] => {
    const defs: AstNode[] = c.def?.List?.items ?? [];
    return c.subtype === 'AT_SetRelOptions'
      ? (lowerRelOptions(defs) ?? []).map((set) => ({ set }))
      : (lowerRelOptions(defs) ?? []).map((o) => ({ reset: o.slice(0, o.indexOf('=')) }));
  });
}

