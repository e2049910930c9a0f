import type { ForeignKeyAction, IndexKey } from '../../model/objects.js';
import type { Mutable } from '../../model/mutable.js';
import type { ConstraintSpec, NameRef } from '../ddl.js';
import { type AstNode, strList } from '../libpg.js';
import { columnsInExprNode, exprTexts } from '../normalize-expr.js';
import { lowerIndexElem } from './index-elem.js';
import { lowerRelOptions } from './rel-options.js';

const FK_ACTIONS: Record<string, ForeignKeyAction> = {
  a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default',
};
const FK_MATCH: Record<string, 'simple' | 'full' | 'partial'> = { s: 'simple', f: 'full', p: 'partial' };

/** A RangeVar as a NameRef. */
export function rangeVarName(rv: AstNode): NameRef {
  return rv.schemaname ? { schema: rv.schemaname, name: rv.relname } : { name: rv.relname };
}

/**
 * Lowers a table- or column-level Constraint node (PK/UNIQUE/FK/CHECK/EXCLUDE); returns
 * undefined for the kinds that are column properties (NOT NULL, DEFAULT, ...).
 */
export function lowerConstraint(c: AstNode, column?: string): ConstraintSpec | undefined {
  const deferrable = !!c.deferrable;
  const initiallyDeferred = !!c.initdeferred;
  let spec: Mutable<ConstraintSpec>;
  switch (c.contype) {
    case 'CONSTR_PRIMARY':
      spec = {
        type: 'primary key', deferrable, initiallyDeferred,
        columns: column !== undefined && !c.keys ? [column] : strList(c.keys),
        include: strList(c.including),
      };
      if (c.indexname) spec.usingIndex = c.indexname as string;
      break;
    case 'CONSTR_UNIQUE':
      spec = {
        type: 'unique', deferrable, initiallyDeferred,
        columns: column !== undefined && !c.keys ? [column] : strList(c.keys),
        include: strList(c.including),
        nullsNotDistinct: !!c.nulls_not_distinct,
      };
      if (c.indexname) spec.usingIndex = c.indexname as string;
      break;
    case 'CONSTR_FOREIGN':
      spec = {
        type: 'foreign key', deferrable, initiallyDeferred,
        columns: column !== undefined && !c.fk_attrs ? [column] : strList(c.fk_attrs),
        table: rangeVarName(c.pktable),
        refColumns: strList(c.pk_attrs),
        onDelete: FK_ACTIONS[c.fk_del_action ?? 'a'] ?? 'no action',
        onUpdate: FK_ACTIONS[c.fk_upd_action ?? 'a'] ?? 'no action',
        match: FK_MATCH[c.fk_matchtype ?? 's'] ?? 'simple',
        notValid: !!c.skip_validation,
      };
      break;
    case 'CONSTR_CHECK': {
      const { canonical, written } = exprTexts(c.raw_expr);
      spec = {
        type: 'check', deferrable, initiallyDeferred,
        expression: canonical,
        expressionSql: written,
        columnsMentioned: columnsInExprNode(c.raw_expr),
        notValid: !!c.skip_validation,
        noInherit: !!c.is_no_inherit,
      };
      break;
    }
    case 'CONSTR_EXCLUSION': {
      const keys: IndexKey[] = (c.exclusions ?? []).map((pair: AstNode) => {
        const [elem, op] = pair.List.items;
        return { ...lowerIndexElem(elem.IndexElem), operator: strList(op.List.items).join('.') };
      });
      spec = { type: 'exclude', deferrable, initiallyDeferred, method: c.access_method ?? 'btree', keys, include: strList(c.including) };
      if (c.where_clause) {
        ({ canonical: spec.where, written: spec.whereSql } = exprTexts(c.where_clause));
      }
      break;
    }
    default:
      return undefined;
  }
  if (c.conname) spec.name = c.conname as string;
  // `WITH (..)` of the index PRIMARY KEY / UNIQUE / EXCLUDE build (pg_dump prints it with the constraint).
  const options = lowerRelOptions(c.options);
  if (options && (spec.type === 'primary key' || spec.type === 'unique' || spec.type === 'exclude')) spec.options = options;
  if (column !== undefined) spec.onColumn = column;
  return spec;
}

/**
 * Column constraints list DEFERRABLE / INITIALLY DEFERRED as separate attribute nodes after the
 * constraint they modify; fold them into that constraint as PostgreSQL's grammar does.
 */
export function foldConstraintAttributes(nodes: AstNode[]): AstNode[] {
  const out: AstNode[] = [];
  for (const n of nodes) {
    const c = n.Constraint;
    const prev = out[out.length - 1];
    switch (c.contype) {
      case 'CONSTR_ATTR_DEFERRABLE':
        if (prev) prev.deferrable = true;
        break;
      case 'CONSTR_ATTR_NOT_DEFERRABLE':
        if (prev) prev.deferrable = false;
        break;
      case 'CONSTR_ATTR_DEFERRED':
        if (prev) { prev.initdeferred = true; prev.deferrable = true; }
        break;
      case 'CONSTR_ATTR_IMMEDIATE':
        if (prev) prev.initdeferred = false;
        break;
      default:
        out.push({ ...c });
    }
  }
  return out;
}
