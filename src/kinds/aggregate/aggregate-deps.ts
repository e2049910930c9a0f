import type { QualifiedName } from '../../model/names.js';
import { aggregateRoutines, type AggregateDef } from '../../model/objects.js';
import { functionDep, routineDep, schemaDep } from '../../plan/dependency-keys.js';
import { deps, routineMention, type Deps } from '../../plan/object-deps.js';

/** A support routine as an aggregate names it (`f`, `app.f`): unqualified ones are taken to be in public. */
function supportRoutine(text: string): QualifiedName {
  const m = /^("(?:[^"]|"")+"|[^."]+)\.(.+)$/.exec(text);
  const unquote = (x: string): string => (x.startsWith('"') ? x.slice(1, -1).replace(/""/g, '"') : x);
  return m ? { schema: unquote(m[1]!), name: unquote(m[2]!) } : { schema: 'public', name: unquote(text) };
}

/**
 * An aggregate: its support functions (created before it, dropped after it), the types of its
 * arguments and states; views calling it mention it like a function (one routine name space).
 */
export function aggregateDeps(a: AggregateDef): Deps {
  return deps({
    provides: [functionDep(a), routineDep(a, a.identityArgs)],
    mentionables: [routineMention(a)],
    requires: [schemaDep(a.schema), ...aggregateRoutines(a).map((f) => functionDep(supportRoutine(f)))],
    mentions: [a.args, a.stype, ...(a.mstype !== undefined ? [a.mstype] : [])],
  });
}
