import type { ChangeSubject } from '../../diff/describe-change.js';
import { qualify, quoteIdent, type QualifiedName } from '../../model/names.js';
import type { CompositeTypeDef, TypeAttribute } from '../../model/objects.js';

/**
 * What one composite type change does: CREATE TYPE .. AS (...), or one ALTER TYPE on its
 * attributes. PostgreSQL appends added attributes and cannot reorder them; renames and drops of
 * the type and renames of attributes use the shared rename and drop changes.
 */
export type CompositeTypeOp =
  | { readonly op: 'create'; readonly type: CompositeTypeDef }
  | { readonly op: 'addAttribute'; readonly attribute: TypeAttribute }
  /** `stored`: a table column stores the type, so the attribute's values go with it. */
  | { readonly op: 'dropAttribute'; readonly name: string; readonly stored: boolean }
  | { readonly op: 'alterAttribute'; readonly attribute: TypeAttribute; readonly from: string };

/** The change the composite type kind emits. */
export type CompositeTypeChange = { readonly kind: 'compositeType'; readonly type: QualifiedName; readonly op: CompositeTypeOp };

/** How a composite type change reads in plans (`create composite type public.pair`, `add attribute public.pair.b`). */
export function describeCompositeTypeOp(type: QualifiedName, op: CompositeTypeOp): ChangeSubject {
  const name = qualify(type);
  const part = (n: string): string => `${name}.${quoteIdent(n)}`;
  switch (op.op) {
    case 'create':
      return { object: 'composite type', name, group: name, action: 'create', detail: `${op.type.attributes.length} attributes` };
    case 'addAttribute':
      return { object: 'attribute', name: part(op.attribute.name), group: name, action: 'add', detail: op.attribute.type };
    case 'dropAttribute':
      return { object: 'attribute', name: part(op.name), group: name, action: 'drop' };
    case 'alterAttribute':
      return { object: 'attribute', name: part(op.attribute.name), group: name, action: 'change type of', detail: `${op.from} -> ${op.attribute.type}` };
  }
}
