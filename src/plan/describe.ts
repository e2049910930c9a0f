import type { Change } from '../diff/change.js';
import { describeChange } from '../diff/describe-change.js';
import { qualify, quoteIdent, type QualifiedName } from '../model/names.js';

/** The step description of a change: `create table public.users`, `add column public.users.email`. */
export function describe(change: Change): string {
  const d = describeChange(change);
  const text = `${d.action} ${d.object} ${d.name}`;
  return change.kind === 'rename' && d.detail !== undefined ? `${text} (${d.detail})` : text;
}

/** Display name of the object a change is about (`public.users.email`): the tie-break after the rank. */
export function objectName(change: Change): string {
  return describeChange(change).name;
}

/** Display name of a table's sub-object (`public.users.email`), as describeChange prints it. */
export function subObjectName(table: QualifiedName, name: string): string {
  return `${qualify(table)}.${quoteIdent(name)}`;
}
