import type { AstNode } from '../libpg.js';

/** The text PostgreSQL's defGetString gives a DefElem's value (reloptions store `name=value` text). */
function optionValue(arg: AstNode | undefined): string {
  if (arg === undefined) return 'true'; // `WITH (fastupdate)` means `fastupdate=true`
  if (arg.String) return arg.String.sval ?? '';
  if (arg.Integer) return String(arg.Integer.ival ?? 0);
  if (arg.Float) return String(arg.Float.fval);
  if (arg.Boolean) return arg.Boolean.boolval ? 'true' : 'false';
  if (arg.TypeName) return (arg.TypeName.names ?? []).map((n: AstNode) => n.String?.sval ?? '').join('.');
  return '';
}

/**
 * `WITH (...)` storage parameters of a relation (index, view, table) as PostgreSQL keeps them in
 * `pg_class.reloptions`: `name=value` text (`fillfactor=70` whether written `70` or `'70'`,
 * `toast.x=v` for namespaced ones), in the order written (pg_dump prints that order). Undefined
 * when there are none, so objects without options keep their shape.
 */
export function lowerRelOptions(defs: AstNode[] | undefined): readonly string[] | undefined {
  const options = (defs ?? []).map((d: AstNode) => {
    const e = d.DefElem;
    const name = `${e.defnamespace ? `${e.defnamespace}.` : ''}${e.defname}`.toLowerCase();
    return `${name}=${optionValue(e.arg)}`;
  });
  return options.length ? options : undefined;
}
