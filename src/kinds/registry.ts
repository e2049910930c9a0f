/**
 * The object kinds, one registration line each, in creation order (the diff runs their steps
 * and files their changes in this order; `check` reports kinds in this order).
 *
 * Adding an object kind (say `domain`):
 *   1. src/model/objects.ts: its Def type, and its name in the ObjectKind union;
 *      src/model/schema-state.ts: its map in SchemaState (and emptyState), keyed by an existing
 *      key helper (relationKey, functionKey, triggerKey); src/plan/dependency-keys.ts: its case in
 *      objectDep (the one place ids are encoded) if no existing key fits.
 *   2. src/kinds/domain/: domain-change.ts (its Change variants), domain-diff.ts (pair target and
 *      live, emit changes), domain-actions.ts (the statements), index.ts exporting
 *      `domainKind: KindModule<'domain', DomainChange, 'domain'>` (changes, objects, compare).
 *   3. One line in kindList() below and one in KindChange (and their imports). The Change union, the diff's steps, the
 *      planner's dispatch, describe, drop, rename and `check` pick it up from here; an ObjectKind
 *      without a module, or a change without a build/describe spec, does not compile.
 *   4. Outside the core: its replay handler (src/replay) and its introspection query (src/introspect).
 */
import type { ObjectKind } from '../model/objects.js';
import { columnKind } from './column/index.js';
import { commentKind } from './comment/index.js';
import { constraintKind } from './constraint/index.js';
import { domainKind } from './domain/index.js';
import { compositeTypeKind } from './composite-type/index.js';
import type { CompositeTypeChange } from './composite-type/composite-type-change.js';
import { rangeTypeKind } from './range-type/index.js';
import type { RangeTypeChange } from './range-type/range-type-change.js';
import { collationKind } from './collation/index.js';
import type { CollationChange } from './collation/collation-change.js';
import { operatorKind } from './operator/index.js';
import type { OperatorChange } from './operator/operator-change.js';
import { dropKind } from './drop/index.js';
import { enumKind } from './enum/index.js';
import { extensionKind } from './extension/index.js';
import { functionKind } from './function/index.js';
import { aggregateKind } from './aggregate/index.js';
import type { AggregateChange } from './aggregate/aggregate-change.js';
import { ruleKind } from './rule/index.js';
import type { RuleChange } from './rule/rule-change.js';
import { indexKind } from './index/index.js';
import { installKinds } from './kind-lookup.js';
import type { ColumnChange } from './column/column-change.js';
import type { CommentChange } from './comment/comment-change.js';
import type { ConstraintChange } from './constraint/constraint-change.js';
import type { DomainChange } from './domain/domain-change.js';
import type { DropObjectChange } from './drop/drop-change.js';
import type { EnumChange } from './enum/enum-change.js';
import type { ExtensionChange } from './extension/extension-change.js';
import type { FunctionChange } from './function/function-change.js';
import type { IndexChange } from './index/index-change.js';
import type { RenameChange } from './rename/rename-change.js';
import type { SchemaChange } from './schema/schema-change.js';
import type { SequenceChange } from './sequence/sequence-change.js';
import type { TableChange } from './table/table-change.js';
import type { TriggerChange } from './trigger/trigger-change.js';
import type { ViewChange } from './view/view-change.js';
import { renameKind } from './rename/index.js';
import { privilegeKind } from './privilege/index.js';
import type { PrivilegeChange } from './privilege/privilege-change.js';
import { schemaKind } from './schema/index.js';
import { sequenceKind } from './sequence/index.js';
import { tableKind } from './table/index.js';
import { triggerKind } from './trigger/index.js';
import { policyKind } from './policy/index.js';
import type { PolicyChange } from './policy/policy-change.js';
import { viewKind } from './view/index.js';

const kindList = () =>
  [
    schemaKind,
    extensionKind,
    collationKind,
    enumKind,
    domainKind,
    rangeTypeKind,
    compositeTypeKind,
    sequenceKind,
    tableKind,
    columnKind,
    constraintKind,
    indexKind,
    viewKind,
    functionKind,
    operatorKind,
    aggregateKind,
    triggerKind,
    policyKind,
    ruleKind,
    commentKind,
    privilegeKind,
    renameKind,
    dropKind,
  ] as const;

/** The registered kind modules, as a tuple type. */
export type KindList = ReturnType<typeof kindList>;

/**
 * The union of every registered kind's changes (without the fields every change carries; see
 * Change). Spelt out: deriving it from kindList() would make Change refer to itself.
 */
export type KindChange =
  | SchemaChange
  | ExtensionChange
  | CollationChange
  | EnumChange
  | DomainChange
  | RangeTypeChange
  | CompositeTypeChange
  | SequenceChange
  | TableChange
  | ColumnChange
  | ConstraintChange
  | IndexChange
  | ViewChange
  | FunctionChange
  | OperatorChange
  | AggregateChange
  | TriggerChange
  | PolicyChange
  | RuleChange
  | CommentChange
  | PrivilegeChange
  | RenameChange
  | DropObjectChange;

/** Compiles only when KindChange lists exactly the changes of the registered modules. */
export const EVERY_CHANGE_REGISTERED: [Exclude<KindChange['kind'], ChangeKindsOf<KindList[number]>>, Exclude<ChangeKindsOf<KindList[number]>, KindChange['kind']>] extends [never, never] ? true : never = true;

/** The name of a registered kind: the diff's output blocks. */
export type KindName = KindList[number]['name'];

/** The ObjectKinds of a kind module. */
type ObjectsOf<M> = M extends { readonly objects: infer R } ? keyof R : never;

/** The change kinds of a kind module. */
type ChangeKindsOf<M> = M extends { readonly changes: infer R } ? keyof R : never;

/** Compiles only when every ObjectKind has a module (changes have one by construction: Change is built from KindChange). */
export const EVERY_OBJECT_KIND_REGISTERED: [Exclude<ObjectKind, ObjectsOf<KindList[number]>>] extends [never] ? true : never = true;

installKinds(kindList());

/** The registered kinds, in creation order (loading this module installs them for kind-lookup.ts). */
export { kinds } from './kind-lookup.js';
