import type { Mutable } from '../../model/mutable.js';
import type { Ddl } from '../ddl.js';
import { type AstNode, str, strList } from '../libpg.js';
import { namesToRef, typeText } from './objects.js';
import { numberText, settingEntry } from './routine-attributes.js';

/** Lowers ALTER FUNCTION / PROCEDURE .. actions (volatility, STRICT, SECURITY, LEAKPROOF, PARALLEL, COST, ROWS, SET / RESET). */
export function lowerAlterFunction(s: AstNode): Ddl {
  const func = s.func;
  const args = func.args_unspecified ? undefined : (func.objargs ?? []).map((a: AstNode) => typeText(a.TypeName)).join(', ');
  const out: Mutable<AlterFunction> = {
    kind: 'alterFunction', function: namesToRef(strList(func.objname)), routine: ROUTINE_STATEMENTS[String(s.objtype)] ?? 'function', config: [],
    ...(args !== undefined ? { args } : {}),
  };
  const config: AlterFunction['config'][number][] = [];
  for (const { DefElem: d } of s.actions ?? []) {
    const arg = d.arg;
    switch (d.defname) {
      case 'volatility': out.volatility = str(arg) as AlterFunction['volatility']; break;
      case 'strict': out.strict = !!arg?.Boolean?.boolval; break;
      case 'security': out.securityDefiner = !!arg?.Boolean?.boolval; break;
      case 'leakproof': out.leakproof = !!arg?.Boolean?.boolval; break;
      case 'parallel': out.parallel = str(arg).toLowerCase() as AlterFunction['parallel']; break;
      case 'cost': out.cost = numberText(arg); break;
      case 'rows': out.rows = numberText(arg); break;
      case 'set': {
        const v = arg.VariableSetStmt;
        if (v.kind === 'VAR_RESET_ALL') config.push({ resetAll: true });
        else if (v.kind === 'VAR_RESET' || v.kind === 'VAR_SET_DEFAULT') config.push({ reset: String(v.name).toLowerCase() });
        else if (v.kind === 'VAR_SET_CURRENT') out.unsupported = `ALTER ${out.routine.toUpperCase()} .. SET .. FROM CURRENT (it stores the migration session's value)`;
        else {
          const [name, setting] = settingEntry(v);
          config.push({ name, setting });
        }
        break;
      }
      default: out.unsupported = `ALTER ${out.routine.toUpperCase()} .. ${String(d.defname).toUpperCase()}`;
    }
  }
  return { ...out, config };
}

type AlterFunction = Extract<Ddl, { kind: 'alterFunction' }>;

const ROUTINE_STATEMENTS: Record<string, AlterFunction['routine']> = { OBJECT_FUNCTION: 'function', OBJECT_PROCEDURE: 'procedure', OBJECT_ROUTINE: 'routine' };
