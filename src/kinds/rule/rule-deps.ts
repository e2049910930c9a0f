import type { QualifiedName } from '../../model/names.js';
import type { RuleDef } from '../../model/objects.js';
import { partOfDep, relationDep, type DepKey } from '../../plan/dependency-keys.js';
import { expressionTexts } from '../../plan/mentions.js';
import { deps, type Deps } from '../../plan/object-deps.js';

/** Key of a rewrite rule (names are unique per relation). */
export function ruleDep(table: QualifiedName, name: string): DepKey {
  return partOfDep('rule', table, name);
}

/** A rule: its relation, and every relation and function its condition and actions mention. */
export function ruleDeps(r: RuleDef): Deps {
  const table = { schema: r.schema, name: r.table };
  return deps({
    provides: [ruleDep(table, r.name)],
    requires: [relationDep(table)],
    mentions: [...expressionTexts(r.where), r.actions, ...(r.actionsSql !== undefined ? [r.actionsSql] : [])],
  });
}
