import { changeSpec } from '../kinds/kind-lookup.js';
import type { ObjectKind } from '../model/objects.js';
import type { Change } from './change.js';

/** What a change is about, for grouping and display. */
export interface ChangeSubject {
  /** The kind of object changed. */
  readonly object: ObjectKind;
  /** Display name of the object (`public.users.email`). */
  readonly name: string;
  /** Display name of the object it is grouped under: the table for columns, constraints, indexes and triggers. */
  readonly group: string;
  /** Verb phrase: `create`, `add`, `change type of`, ... */
  readonly action: string;
  /** Extra detail for one-line display (`integer -> bigint`). */
  readonly detail?: string;
}

/** Names and verbs for a change, from its kind module (every change kind has one: see registry.ts). */
export function describeChange(c: Change): ChangeSubject {
  return (changeSpec(c.kind).describe as (c: Change) => ChangeSubject)(c);
}
