import type { ColumnDef, ConstraintDef, IndexDef, IndexKey, PolicyDef, TableDef } from '../model/objects.js';
import type { SchemaState } from '../model/schema-state.js';
import { writtenMatches } from '../parse/index.js';

/** Is a written text absent, or still the same expression as the canonical one? */
const fits = (written: string | undefined, canonical: string | undefined, outer: readonly string[] = []): boolean =>
  written === undefined || (canonical !== undefined && writtenMatches(written, canonical, outer));

/**
 * Defaults are left as replay keeps them: it drops their written text wherever it rewrites one,
 * and a constant it coerces (`'f'` on a boolean reads back `false`) is still best run as written,
 * letting PostgreSQL coerce it as it did for the migration.
 */
function column(c: ColumnDef): ColumnDef {
  if (fits(c.generatedSql, c.generated)) return c;
  const { generatedSql: _stale, ...rest } = c;
  return rest;
}

function keys(list: readonly IndexKey[]): readonly IndexKey[] {
  if (list.every((k) => fits(k.expressionSql, k.expression))) return list;
  return list.map((k) => {
    if (fits(k.expressionSql, k.expression)) return k;
    const { expressionSql: _stale, ...rest } = k;
    return rest;
  });
}

function withWhere<T extends { readonly where?: string; readonly whereSql?: string }>(o: T): T {
  if (fits(o.whereSql, o.where)) return o;
  const { whereSql: _stale, ...rest } = o;
  return rest as T;
}

function constraint(c: ConstraintDef): ConstraintDef {
  switch (c.type) {
    case 'check': {
      if (fits(c.expressionSql, c.expression)) return c;
      const { expressionSql: _stale, ...rest } = c;
      return rest;
    }
    case 'exclude': {
      const k = keys(c.keys);
      const out = withWhere(c);
      return k === c.keys ? out : { ...out, keys: k };
    }
    default:
      return c;
  }
}

function table(t: TableDef): TableDef {
  const columns = t.columns.map(column);
  const constraints = t.constraints.map(constraint);
  const same = columns.every((c, i) => c === t.columns[i]) && constraints.every((c, i) => c === t.constraints[i]);
  return same ? t : { ...t, columns, constraints };
}

function index(i: IndexDef): IndexDef {
  const k = keys(i.keys);
  const out = withWhere(i);
  return k === i.keys ? out : { ...out, keys: k };
}

function policy(p: PolicyDef): PolicyDef {
  // Printed under the table's name, which a sub-select's FROM item gives way to (see printedSubselectNames).
  const usingFits = fits(p.usingSql, p.using, [p.table]);
  const checkFits = fits(p.withCheckSql, p.withCheck, [p.table]);
  if (usingFits && checkFits) return p;
  const { usingSql, withCheckSql, ...rest } = p;
  return { ...rest, ...(usingFits && usingSql !== undefined ? { usingSql } : {}), ...(checkFits && withCheckSql !== undefined ? { withCheckSql } : {}) };
}

/**
 * The state with every written expression text that no longer normalises to its canonical text
 * left out. Replay rewrites canonical text where PostgreSQL's stored trees follow a change (a
 * renamed sequence or enum label, a coerced constant) without always being able to rewrite the
 * written text; executing the stale text would build something else, so the canonical text runs.
 */
export function withConsistentWrittenText(state: SchemaState): SchemaState {
  const tables = new Map([...state.tables].map(([k, t]) => [k, table(t)] as const));
  const indexes = new Map([...state.indexes].map(([k, i]) => [k, index(i)] as const));
  const policies = new Map([...state.policies].map(([k, p]) => [k, policy(p)] as const));
  return { ...state, tables, indexes, policies };
}
