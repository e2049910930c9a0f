import type { AlterTypeCommand, AttributeSpec, Ddl, NameRef } from '../ddl.js';
import { type AstNode, strList } from '../libpg.js';
import { lowerTypeName } from '../type-names.js';
import { lowerCollation } from './column.js';
import { rangeVarName } from './constraint.js';
import { namesToRef } from './objects.js';

/** An attribute's ColumnDef (CREATE TYPE .. AS and ADD ATTRIBUTE take no constraints). */
function lowerAttribute(cd: AstNode): AttributeSpec {
  const collation = lowerCollation(cd.collClause);
  return { name: cd.colname as string, type: lowerTypeName(cd.typeName), ...(collation ? { collation } : {}) };
}

/** Lowers CREATE TYPE .. AS (attr type [COLLATE c], ...). */
export function lowerCompositeType(s: AstNode): Ddl {
  return {
    kind: 'createCompositeType',
    type: rangeVarName(s.typevar),
    attributes: (s.coldeflist ?? []).map((c: AstNode) => lowerAttribute(c.ColumnDef)),
  };
}

/** The name a range parameter gives (`SUBTYPE_DIFF = float8mi`), parsed as a type name. */
function paramName(arg: AstNode): NameRef {
  return namesToRef(strList(arg?.TypeName?.names ?? arg?.List?.items ?? []));
}

/**
 * Lowers CREATE TYPE .. AS RANGE. PostgreSQL keeps the subtype's oid only, so a typmod written
 * on it (`SUBTYPE = varchar(10)`) is dropped here.
 */
export function lowerRangeType(s: AstNode): Ddl {
  const type = namesToRef(strList(s.typeName));
  let subtype: AstNode | undefined;
  const out: Record<string, unknown> = {};
  for (const p of s.params ?? []) {
    const d = p.DefElem;
    switch (String(d.defname).toLowerCase()) {
      case 'subtype': subtype = d.arg.TypeName; break;
      case 'subtype_opclass': out.subtypeOpclass = paramName(d.arg); break;
      case 'collation': out.collation = `"${paramName(d.arg).name}"`; break;
      case 'canonical': out.canonical = paramName(d.arg); break;
      case 'subtype_diff': out.subtypeDiff = paramName(d.arg); break;
      case 'multirange_type_name': out.multirange = paramName(d.arg); break;
      default: return { kind: 'unsupported', what: `CREATE TYPE .. AS RANGE with ${String(d.defname)}` };
    }
  }
  if (!subtype) return { kind: 'unsupported', what: 'CREATE TYPE .. AS RANGE without SUBTYPE' };
  const { typmods: _m, ...bare } = subtype;
  return { kind: 'createRangeType', type, subtype: lowerTypeName(bare), ...out };
}

/** One ALTER TYPE subcommand (they reach the parser as ALTER TABLE commands on a composite). */
function lowerAlterTypeCommand(cmd: AstNode): AlterTypeCommand {
  switch (cmd.subtype) {
    case 'AT_AddColumn':
      return { op: 'addAttribute', attribute: lowerAttribute(cmd.def.ColumnDef) };
    case 'AT_DropColumn':
      return { op: 'dropAttribute', name: cmd.name as string, ifExists: !!cmd.missing_ok };
    case 'AT_AlterColumnType': {
      const cd = cmd.def.ColumnDef;
      const collation = lowerCollation(cd.collClause);
      return { op: 'alterAttribute', name: cmd.name as string, type: lowerTypeName(cd.typeName), ...(collation ? { collation } : {}) };
    }
    default:
      return { op: 'unsupported', what: `ALTER TYPE ${String(cmd.subtype).replace(/^AT_/, '')}` };
  }
}

/** Lowers ALTER TYPE .. ADD / DROP / ALTER ATTRIBUTE. */
export function lowerAlterType(s: AstNode): Ddl {
  return {
    kind: 'alterType',
    type: rangeVarName(s.relation),
    ifExists: !!s.missing_ok,
    commands: (s.cmds ?? []).map((c: AstNode) => lowerAlterTypeCommand(c.AlterTableCmd)),
  };
}
