import type { ObjectKind } from '../model/objects.js';
import type { Origin } from '../model/origin.js';

/** One attribute that differs between the target and the live object. */
export interface AttributeDifference {
  readonly attribute: string;
  readonly target: unknown;
  readonly live: unknown;
}

/**
 * A difference `check` reports: the object is missing from the live database, extra in it
 * (present live, absent from the target), or present on both sides with differing attributes.
 */
export interface Difference {
  readonly kind: 'missing' | 'extra' | 'different';
  /** The object's kind; `default privileges` for an ALTER DEFAULT PRIVILEGES entry (not an object). */
  readonly object: ObjectKind | 'default privileges';
  /** Display name, schema-qualified (`public.users`, `public.users.email`). */
  readonly name: string;
  readonly attributes?: readonly AttributeDifference[];
  /** Where the target side came from (absent for `extra`). */
  readonly origin?: Origin;
}
