/**
 * The name PostgreSQL gives a select-list item written without `AS` (parse_target.c,
 * FigureColname): a column's or function's name, `array`, `case`, `coalesce`, ..., else
 * `?column?`. pg_get_viewdef prints every output name, so a written `SELECT 1` comes back as
 * `SELECT 1 AS "?column?"`; both must compare equal.
 */
import { type AstNode, strList } from './libpg.js';

/** What PostgreSQL names an item it cannot name otherwise. */
export const UNNAMED_COLUMN = '?column?';

const SQL_VALUE_NAMES: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'current_date',
  SVFOP_CURRENT_TIME: 'current_time', SVFOP_CURRENT_TIME_N: 'current_time',
  SVFOP_CURRENT_TIMESTAMP: 'current_timestamp', SVFOP_CURRENT_TIMESTAMP_N: 'current_timestamp',
  SVFOP_LOCALTIME: 'localtime', SVFOP_LOCALTIME_N: 'localtime',
  SVFOP_LOCALTIMESTAMP: 'localtimestamp', SVFOP_LOCALTIMESTAMP_N: 'localtimestamp',
  SVFOP_CURRENT_ROLE: 'current_role', SVFOP_CURRENT_USER: 'current_user', SVFOP_USER: 'user',
  SVFOP_SESSION_USER: 'session_user', SVFOP_CURRENT_CATALOG: 'current_catalog', SVFOP_CURRENT_SCHEMA: 'current_schema',
};

const XML_NAMES: Record<string, string> = {
  IS_XMLCONCAT: 'xmlconcat', IS_XMLELEMENT: 'xmlelement', IS_XMLFOREST: 'xmlforest', IS_XMLPARSE: 'xmlparse',
  IS_XMLPI: 'xmlpi', IS_XMLROOT: 'xmlroot', IS_XMLSERIALIZE: 'xmlserialize',
};

/** FigureColnameInternal: a name and its strength (2: from the expression, 1: a fallback such as a cast's type, 0: none). */
function figure(node: AstNode): [string | undefined, number] {
  if (!node || typeof node !== 'object') return [undefined, 0];
  const [kind] = Object.keys(node);
  const b = node[kind!];
  switch (kind) {
    case 'ColumnRef': {
      const name = strList((b.fields as AstNode[]).filter((f) => f?.String)).pop();
      return name === undefined ? [undefined, 0] : [name, 2];
    }
    case 'A_Indirection': {
      const name = strList((b.indirection as AstNode[]).filter((f) => f?.String)).pop();
      return name === undefined ? figure(b.arg) : [name, 2];
    }
    case 'FuncCall':
      return [strList(b.funcname).pop(), 2];
    case 'A_Expr':
      return b.kind === 'AEXPR_NULLIF' ? ['nullif', 2] : [undefined, 0];
    case 'TypeCast': {
      const [name, strength] = figure(b.arg);
      return strength <= 1 ? [strList(b.typeName?.names).pop(), 1] : [name, strength];
    }
    case 'CollateClause':
      return figure(b.arg);
    case 'GroupingFunc':
      return ['grouping', 2];
    case 'SubLink':
      if (b.subLinkType === 'EXISTS_SUBLINK') return ['exists', 2];
      if (b.subLinkType === 'ARRAY_SUBLINK') return ['array', 2];
      if (b.subLinkType === 'EXPR_SUBLINK') {
        // The sub-select's single output column's name (PostgreSQL reads it after analysis).
        let sel = b.subselect?.SelectStmt;
        while (sel?.op && sel.op !== 'SETOP_NONE') sel = sel.larg;
        const t = sel?.targetList?.[0]?.ResTarget;
        return t ? [t.name ?? figureColname(t.val), 2] : [undefined, 0];
      }
      return [undefined, 0];
    case 'CaseExpr': {
      const [name, strength] = figure(b.defresult);
      return strength <= 1 ? ['case', 1] : [name, strength];
    }
    case 'A_ArrayExpr':
      return ['array', 2];
    case 'RowExpr':
      return ['row', 2];
    case 'CoalesceExpr':
      return ['coalesce', 2];
    case 'MinMaxExpr':
      return [b.op === 'IS_GREATEST' ? 'greatest' : 'least', 2];
    case 'SQLValueFunction': {
      const name = SQL_VALUE_NAMES[b.op as string];
      return name === undefined ? [undefined, 0] : [name, 2];
    }
    case 'XmlExpr': {
      const name = XML_NAMES[b.op as string];
      return name === undefined ? [undefined, 0] : [name, 2];
    }
    case 'XmlSerialize':
      return ['xmlserialize', 2];
    default:
      return [undefined, 0];
  }
}

/** The output name of a select-list expression written without an alias. */
export function figureColname(val: AstNode): string {
  return figure(val)[0] ?? UNNAMED_COLUMN;
}
