import type { IndexDef } from '../../model/objects.js';
import { columnDep, relationDep, schemaDep, uniqueKeysDep } from '../../plan/dependency-keys.js';
import { expressionTexts } from '../../plan/mentions.js';
import { relationMention, deps, type Deps } from '../../plan/object-deps.js';

/** A stand-alone index: its table, columns and expressions; a unique one is a unique key. */
export function indexDeps(i: IndexDef): Deps {
  const table = { schema: i.schema, name: i.table };
  const requires = [schemaDep(i.schema), relationDep(table), ...i.include.map((n) => columnDep(table, n))];
  const mentions = expressionTexts(i.where);
  for (const k of i.keys) {
    if (k.column !== undefined) requires.push(columnDep(table, k.column));
    mentions.push(...expressionTexts(k.expression));
  }
  return deps({
    provides: [relationDep(i), ...(i.unique ? [uniqueKeysDep(table)] : [])],
    mentionables: [relationMention(i)],
    requires,
    mentions,
  });
}
