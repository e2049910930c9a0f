import type { Change } from '../../diff/change.js';
import { originField } from '../../diff/make-change.js';
import type { EnumDef, QualifiedName } from '../../model/objects.js';

/** The changes the enum kind emits: a new type, a new label. */
export type EnumChange =
  | { readonly kind: 'createEnum'; readonly enum: EnumDef }
  | {
      readonly kind: 'addEnumValue';
      readonly enum: QualifiedName;
      readonly value: string;
      /** Position: the existing value it goes before/after (absent: at the end). */
      readonly neighbor?: { readonly value: string; readonly after: boolean };
    };

/** CREATE TYPE .. AS ENUM: additive. */
export const createEnum = (e: EnumDef): Change => ({ kind: 'createEnum', enum: e, ...originField(e.origin) });

/** ALTER TYPE .. ADD VALUE: additive (PostgreSQL only ever adds labels). */
export const addEnumValue = (e: EnumDef, value: string, neighbor: { value: string; after: boolean } | undefined): Change => ({
  kind: 'addEnumValue', enum: { schema: e.schema, name: e.name }, value, ...(neighbor ? { neighbor } : {}), ...originField(e.origin),
});

