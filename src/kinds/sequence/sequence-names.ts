import type { LiveNames } from '../../diff/live-names.js';
import { qualify, quoteIdent, quoteLiteral } from '../../model/names.js';
import type { QualifiedName, SequenceDef } from '../../model/objects.js';
import { normalizeExpression } from '../../parse/index.js';

/** PostgreSQL prints a regclass without its schema when that schema is on the search path (`public`). */
const DEFAULT_SCHEMA = 'public';

/** Canonical `nextval(..)` default of a sequence, spelled as replay and introspection spell it. */
function nextvalDefault(seq: QualifiedName): string {
  const regclass = seq.schema === DEFAULT_SCHEMA ? quoteIdent(seq.name) : qualify(seq);
  return normalizeExpression(`nextval(${quoteLiteral(regclass)}::regclass)`);
}

/** Records a sequence rename: nextval() defaults hold its OID, so they print the new name. */
export function renameSequence(names: LiveNames, from: QualifiedName, to: QualifiedName): void {
  names.renameDefault(nextvalDefault(from), nextvalDefault(to));
}

/** A live sequence's owner, under target names. */
export function targetNamedSequence(names: LiveNames, s: SequenceDef): SequenceDef {
  if (!s.ownedBy) return s;
  const table = { schema: s.schema, name: s.ownedBy.table };
  const column = names.columnRenames(table).get(s.ownedBy.column) ?? s.ownedBy.column;
  return { ...s, ownedBy: { table: names.relation(table).name, column } };
}
