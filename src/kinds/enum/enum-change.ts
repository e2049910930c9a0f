import type { QualifiedName } from '../../model/names.js';
import type { EnumDef } from '../../model/objects.js';

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
