import { lowerAggregate } from './aggregate.js';
import type { Mutable } from '../../model/mutable.js';
import type { CollationOptions, Ddl, NameRef } from '../ddl.js';
import { type AstNode, strList } from '../libpg.js';
import { lowerTypeName } from '../type-names.js';
import { namesToRef, operatorOperands } from './objects.js';

/** The statement a DefineStmt kind is, for warnings about the kinds not modelled. */
const DEFINE_KINDS: Readonly<Record<string, string>> = {
  OBJECT_AGGREGATE: 'CREATE AGGREGATE', OBJECT_TYPE: 'CREATE TYPE', OBJECT_TSPARSER: 'CREATE TEXT SEARCH PARSER',
  OBJECT_TSDICTIONARY: 'CREATE TEXT SEARCH DICTIONARY', OBJECT_TSTEMPLATE: 'CREATE TEXT SEARCH TEMPLATE',
  OBJECT_TSCONFIGURATION: 'CREATE TEXT SEARCH CONFIGURATION',
};

/** A DefElem argument as text (`= icu`, `= 'und'`, `= false`, `= 1`), as PostgreSQL's defGetString reads it. */
function argText(arg: AstNode): string | undefined {
  if (arg === undefined || arg === null) return undefined;
  if (arg.String) return arg.String.sval as string;
  if (arg.TypeName) return strList(arg.TypeName.names).pop();
  if (arg.Integer) return String(arg.Integer.ival ?? 0);
  if (arg.Boolean) return arg.Boolean.boolval ? 'true' : 'false';
  if (arg.Float) return String(arg.Float.fval);
  return undefined;
}

/** defGetBoolean: no argument is true; true/false/on/off/1/0 otherwise. */
function argBoolean(arg: AstNode): boolean | undefined {
  const t = argText(arg)?.toLowerCase();
  if (t === undefined) return true;
  if (['true', 'on', '1', 't', 'yes'].includes(t)) return true;
  if (['false', 'off', '0', 'f', 'no'].includes(t)) return false;
  return undefined;
}

/** A name argument: `= f`, `= s.f` (a TypeName) or `= OPERATOR(s.op)` / `= ===` (a List). */
function argName(arg: AstNode): NameRef {
  if (arg?.TypeName) return namesToRef(strList(arg.TypeName.names));
  if (arg?.List) return namesToRef(strList(arg.List.items));
  return { name: argText(arg) ?? '' };
}

/** CREATE COLLATION [IF NOT EXISTS] name (options) | FROM existing (PostgreSQL 15's attributes). */
function lowerCreateCollation(s: AstNode): Ddl {
  const options: Mutable<CollationOptions> = {};
  let from: NameRef | undefined;
  for (const node of s.definition ?? []) {
    const d = node.DefElem;
    switch (d.defname) {
      case 'from': from = argName(d.arg); break;
      case 'provider': options.provider = argText(d.arg)?.toLowerCase(); break;
      case 'locale': options.locale = argText(d.arg); break;
      case 'lc_collate': options.lcCollate = argText(d.arg); break;
      case 'lc_ctype': options.lcCtype = argText(d.arg); break;
      case 'deterministic': {
        const b = argBoolean(d.arg);
        if (b === undefined) return { kind: 'unsupported', what: `CREATE COLLATION with DETERMINISTIC = ${argText(d.arg)}` };
        options.deterministic = b;
        break;
      }
      // The version the OS library reports: recorded per server and refreshed there, never compared.
      case 'version': break;
      default: return { kind: 'unsupported', what: `CREATE COLLATION with ${String(d.defname).toUpperCase()}` };
    }
  }
  return {
    kind: 'createCollation', collation: namesToRef(strList(s.defnames)), ifNotExists: !!s.if_not_exists,
    ...(from ? { from } : {}), options,
  };
}

/** CREATE OPERATOR name (FUNCTION = f, LEFTARG, RIGHTARG, COMMUTATOR, NEGATOR, RESTRICT, JOIN, HASHES, MERGES). */
function lowerCreateOperator(s: AstNode): Ddl {
  const ddl: Mutable<Extract<Ddl, { kind: 'createOperator' }>> = {
    kind: 'createOperator', operator: namesToRef(strList(s.defnames)), function: { name: '' }, hashes: false, merges: false,
  };
  for (const node of s.definition ?? []) {
    const d = node.DefElem;
    switch (d.defname) {
      case 'leftarg': ddl.left = lowerTypeName(d.arg.TypeName); break;
      case 'rightarg': ddl.right = lowerTypeName(d.arg.TypeName); break;
      case 'function':
      case 'procedure': ddl.function = argName(d.arg); break;
      case 'commutator': ddl.commutator = argName(d.arg); break;
      case 'negator': ddl.negator = argName(d.arg); break;
      case 'restrict': ddl.restrict = argName(d.arg); break;
      case 'join': ddl.join = argName(d.arg); break;
      case 'hashes': ddl.hashes = argBoolean(d.arg) ?? false; break;
      case 'merges': ddl.merges = argBoolean(d.arg) ?? false; break;
      default: return { kind: 'unsupported', what: `CREATE OPERATOR with ${String(d.defname).toUpperCase()}` };
    }
  }
  return ddl;
}

/** DefineStmt: operators, collations and aggregates are modelled; base types and text search are not. */
export function lowerDefine(s: AstNode): Ddl {
  switch (s.kind) {
    case 'OBJECT_OPERATOR': return lowerCreateOperator(s);
    case 'OBJECT_COLLATION': return lowerCreateCollation(s);
    case 'OBJECT_AGGREGATE': return lowerAggregate(s);
    case 'OBJECT_TYPE':
      return {
        kind: 'createBaseType', type: namesToRef(strList(s.defnames)), shell: !s.definition,
        what: s.definition ? 'CREATE TYPE (a base type)' : 'CREATE TYPE (a shell type)',
        why: 'not managed by schema-sync: a base type is made of input and output functions written in C, from a loadable module (an extension\'s job), and a shell type only stands in for one while those are created; apply does not run it and check does not compare it',
      };
    default: return { kind: 'unsupported', what: DEFINE_KINDS[String(s.kind)] ?? `CREATE ${String(s.kind).replace(/^OBJECT_/, '')}` };
  }
}

/** ALTER OPERATOR .. SET (RESTRICT = .., JOIN = ..): PostgreSQL 15 alters only the estimators. */
export function lowerAlterOperator(s: AstNode): Ddl {
  const ddl: Mutable<Extract<Ddl, { kind: 'alterOperator' }>> = {
    kind: 'alterOperator', operator: namesToRef(strList(s.opername.objname)), operands: operatorOperands(s.opername),
  };
  for (const node of s.options ?? []) {
    const d = node.DefElem;
    const value = d.arg === undefined || argText(d.arg)?.toLowerCase() === 'none' ? null : argName(d.arg);
    if (d.defname === 'restrict') ddl.restrict = value;
    else if (d.defname === 'join') ddl.join = value;
    else return { kind: 'unsupported', what: `ALTER OPERATOR .. SET (${String(d.defname).toUpperCase()})` };
  }
  return ddl;
}
