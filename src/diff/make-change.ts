import type { QualifiedName } from '../model/objects.js';
import type { Origin } from '../model/origin.js';
import type { Concern, TableRef } from './change.js';

/** `{ origin }` when there is one, so changes never carry an explicit `origin: undefined`. */
export const originField = (origin: Origin | undefined): { origin?: Origin } => (origin ? { origin } : {});

/** `{ concern }` when the change has one (see Concern). */
export const concernField = (concern: Concern | undefined | false): { concern?: Concern } => (concern ? { concern } : {});

/** The table a change belongs to, without the rest of a TableDef. */
export const tableRef = (t: QualifiedName): TableRef => ({ schema: t.schema, name: t.name });
