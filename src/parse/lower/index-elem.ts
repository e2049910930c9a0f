import type { Mutable } from '../../model/mutable.js';
import type { IndexKey } from '../../model/objects.js';
import { type AstNode, strList } from '../libpg.js';
import { exprTexts } from '../normalize-expr.js';
import { collationOfNames } from './collation-name.js';

/**
 * Lowers an IndexElem. A parenthesised bare column (`(email)`) is just a column to PostgreSQL,
 * and NULLS FIRST on a DESC key is the default, so neither is recorded.
 */
export function lowerIndexElem(e: AstNode): IndexKey {
  const descending = e.ordering === 'SORTBY_DESC';
  const nullsFirst =
    e.nulls_ordering === 'SORTBY_NULLS_FIRST' ? true : e.nulls_ordering === 'SORTBY_NULLS_LAST' ? false : descending;
  let column: string | undefined = e.name;
  let expression: string | undefined;
  let expressionSql: string | undefined;
  if (column === undefined && e.expr) {
    const fields = e.expr.ColumnRef?.fields;
    if (fields && fields.length === 1 && fields[0].String) column = fields[0].String.sval;
    else {
      ({ canonical: expression, written: expressionSql } = exprTexts(e.expr));
    }
  }
  const opclass = strList(e.opclass);
  const collation = strList(e.collation);
  // Fields in the model's order (JSON output shows it).
  const key: Partial<Mutable<IndexKey>> = {};
  if (column !== undefined) key.column = column;
  if (expression !== undefined) key.expression = expression;
  if (expressionSql !== undefined) key.expressionSql = expressionSql;
  if (collation.length) key.collation = collationOfNames(collation)!;
  if (opclass.length) key.opclass = opclass[opclass.length - 1]!;
  key.descending = descending;
  key.nullsFirst = nullsFirst;
  return key as IndexKey;
}
