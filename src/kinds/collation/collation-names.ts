import type { LiveNames } from '../../diff/live-names.js';
import { collationName, type QualifiedName } from '../../model/names.js';

/** Columns, domains and index keys reference a collation by text (collationName), holding its OID. */
const COLLATION_SPELLINGS = 'collation';

/** Records a collation rename or move. */
export function renameCollation(names: LiveNames, from: QualifiedName, to: QualifiedName): void {
  names.renameSpelling(COLLATION_SPELLINGS, collationName(from.schema, from.name), collationName(to.schema, to.name));
}

/** The target spelling of a live collation reference. */
export function collationSpelling(names: LiveNames, text: string | undefined): string | undefined {
  return names.spelling(COLLATION_SPELLINGS, text);
}

/** Whether the diff renamed any collation. */
export function collationsRenamed(names: LiveNames): boolean {
  return names.renamedIn(COLLATION_SPELLINGS);
}
