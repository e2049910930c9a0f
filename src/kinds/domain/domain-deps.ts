import type { DomainDef } from '../../model/objects.js';
import { schemaDep, typeDep } from '../../plan/dependency-keys.js';
import { expressionTexts } from '../../plan/mentions.js';
import { typeMention, deps, type Deps } from '../../plan/object-deps.js';

/** A domain: its schema, and what its base type, default and checks name (types, functions). */
export function domainDeps(d: DomainDef): Deps {
  return deps({
    provides: [typeDep(d)],
    mentionables: [typeMention(d)],
    requires: [schemaDep(d.schema)],
    mentions: [d.baseType, ...expressionTexts(d.default), ...d.checks.flatMap((c) => expressionTexts(c.expression))],
  });
}
