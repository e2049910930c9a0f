import type { SequenceOptions } from '../ddl.js';
import { type AstNode, strList } from '../libpg.js';
import { lowerTypeName } from '../type-names.js';

function numArg(arg: AstNode): string {
  if (arg === undefined) return '';
  if (arg.Integer) return String(arg.Integer.ival ?? 0);
  if (arg.Float) return String(arg.Float.fval);
  if (arg.A_Const) {
    const c = arg.A_Const;
    if (c.ival) return String(c.ival.ival ?? 0);
    if (c.fval) return String(c.fval.fval);
  }
  if (arg.String) return arg.String.sval;
  return '';
}

/** Lowers CREATE/ALTER SEQUENCE (and identity) options given as DefElem nodes. */
export function lowerSequenceOptions(defs: AstNode[] | undefined): SequenceOptions {
  const o: Record<string, unknown> = {};
  for (const d of defs ?? []) {
    const e = d.DefElem;
    switch (e.defname) {
      case 'as': {
        const t = lowerTypeName(e.arg.TypeName);
        if (t.kind === 'builtin' && (t.text === 'smallint' || t.text === 'integer' || t.text === 'bigint')) o.dataType = t.text;
        break;
      }
      case 'start': o.start = numArg(e.arg); break;
      case 'increment': o.increment = numArg(e.arg); break;
      case 'minvalue': o.min = e.arg === undefined ? null : numArg(e.arg); break;
      case 'maxvalue': o.max = e.arg === undefined ? null : numArg(e.arg); break;
      case 'cache': o.cache = numArg(e.arg); break;
      case 'cycle': o.cycle = e.arg === undefined ? true : !!(e.arg.Boolean?.boolval ?? e.arg.Integer?.ival); break;
      case 'restart': o.restart = e.arg === undefined ? true : numArg(e.arg); break;
      case 'sequence_name': {
        const names = strList(e.arg.List?.items ?? e.arg);
        o.sequenceName = names.length > 1 ? { schema: names[0], name: names[1] } : { name: names[0] };
        break;
      }
      case 'owned_by': {
        const names = strList(e.arg.List?.items ?? e.arg);
        if (names.length === 1 && names[0] === 'none') o.ownedBy = null;
        else {
          const column = names.pop()!;
          const name = names.pop()!;
          const schema = names.pop();
          o.ownedBy = { table: schema ? { schema, name } : { name }, column };
        }
        break;
      }
      default:
        break;
    }
  }
  return o as SequenceOptions;
}
