import { relationKey } from '../../model/schema-state.js';
import type { ViewDef } from '../../model/objects.js';
import { updateColumnDetail, withoutDefault } from '../../model/view-column-details.js';
import type { AlterTableCommand, Ddl } from '../../parse/ddl.js';
import { viewOutputColumns } from '../../parse/index.js';
import type { ReplayContext } from '../context.js';
import { changedOptions } from './rel-options.js';

/**
 * The output column a statement names on a view, or undefined after an error (no such column)
 * or a warning (the view's columns cannot be told from its query: a `*` over a relation the
 * replay does not know, or an unnamed expression).
 */
function outputColumn(ctx: ReplayContext, view: ViewDef, column: string, what: string): string | undefined {
  const columns = viewOutputColumns(view.definition) ?? view.columns;
  if (!columns) {
    ctx.warn(`not modelled: ${what} of view ${view.name}: its output columns cannot be told from its query (a * over an unknown relation, or an unnamed expression)`);
    return undefined;
  }
  if (!columns.includes(column)) {
    ctx.error(`column "${column}" of relation "${view.name}" does not exist`);
    return undefined;
  }
  return column;
}

function putView(ctx: ReplayContext, view: ViewDef): void {
  ctx.draft.views.set(relationKey(view.schema, view.name), view);
}

/** The ALTER TABLE forms PostgreSQL accepts on a view (ATT_VIEW): column defaults and options (OWNER TO is lowered apart). */
function applyToView(ctx: ReplayContext, view: ViewDef, cmd: AlterTableCommand): ViewDef {
  switch (cmd.op) {
    case 'setDefault': {
      if (view.materialized) {
        ctx.error(`ALTER action ALTER COLUMN ... SET DEFAULT cannot be performed on relation "${view.name}"`);
        return view;
      }
      const column = outputColumn(ctx, view, cmd.column, 'ALTER COLUMN .. SET DEFAULT');
      if (column === undefined) return view;
      // A view column's type is not modelled: a constant default is compared as written (no coerceConstantDefault).
      return updateColumnDetail(view, column, (d) =>
        cmd.expression === null ? withoutDefault(d) : { ...d, default: cmd.expression, ...(cmd.expressionSql !== undefined ? { defaultSql: cmd.expressionSql } : {}) },
      );
    }
    case 'setOptions': {
      const { options: _o, ...rest } = view;
      const options = changedOptions(view.options, cmd.changes);
      return options ? { ...rest, options } : rest;
    }
    case 'unsupported':
      ctx.warn(`not modelled: ${cmd.what} on view ${view.name}`);
      return view;
    default:
      ctx.error(`ALTER action ${cmd.op} cannot be performed on relation "${view.name}": a view takes only column defaults, options, renames, SET SCHEMA and OWNER TO`);
      return view;
  }
}

/** ALTER VIEW (or ALTER TABLE naming a view) with subcommands, applied in order. */
export function alterViewCommands(ctx: ReplayContext, view: ViewDef, commands: readonly AlterTableCommand[]): void {
  let v = view;
  for (const cmd of commands) v = applyToView(ctx, v, cmd);
  putView(ctx, { ...v, origin: ctx.origin });
}

/** ALTER VIEW: the view it names must be a view (not a table or a materialized view). */
export function alterView(ctx: ReplayContext, s: Extract<Ddl, { kind: 'alterView' }>): void {
  const key = ctx.key(s.view);
  const view = ctx.draft.views.get(key);
  if (!view || view.materialized) {
    if (view || ctx.draft.tables.has(key)) ctx.error(`"${s.view.name}" is not a view`);
    else if (!s.ifExists) ctx.error(`relation "${s.view.name}" does not exist`);
    return;
  }
  alterViewCommands(ctx, view, s.commands);
}

/** COMMENT ON COLUMN of a view or materialized view: the comment rides on its output column. */
export function commentViewColumn(ctx: ReplayContext, view: ViewDef, column: string, text: string | null): void {
  const name = outputColumn(ctx, view, column, 'COMMENT ON COLUMN');
  if (name === undefined) return;
  putView(ctx, updateColumnDetail(view, name, (d) => {
    const { comment: _c, ...rest } = d;
    return text === null || text === '' ? rest : { ...rest, comment: text };
  }));
}
