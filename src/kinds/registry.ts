/**
 * The object kinds, one registration line each, in creation order: the diff runs their `match`
 * steps, then their `diff` steps, and files their changes in this order (a kind may read only
 * the pairings of kinds before it); `check` reports kinds in this order. The Change union and the
 * kinds' own hazards are derived from this list; the diff, the planner, describe, drop, rename,
 * the ER diagram and `check` read everything else from the modules. An ObjectKind without a
 * module, or a change without a build/describe spec, does not compile.
 *
 * Adding a kind: docs/ADDING_A_KIND.md (the module, this line, and each pipeline stage's file).
 */
import type { ObjectKind } from '../model/objects.js';
import { columnKind } from './column/index.js';
import { commentKind } from './comment/index.js';
import { constraintKind } from './constraint/index.js';
import { domainKind } from './domain/index.js';
import { aggregateKind } from './aggregate/index.js';
import { ruleKind } from './rule/index.js';
import { collationKind } from './collation/index.js';
import { operatorKind } from './operator/index.js';
import { compositeTypeKind } from './composite-type/index.js';
import { rangeTypeKind } from './range-type/index.js';
import { dropKind } from './drop/index.js';
import { enumKind } from './enum/index.js';
import { extensionKind } from './extension/index.js';
import { functionKind } from './function/index.js';
import { indexKind } from './index/index.js';
import { installKinds } from './kind-lookup.js';
import { renameKind } from './rename/index.js';
import { privilegeKind } from './privilege/index.js';
import { schemaKind } from './schema/index.js';
import { sequenceKind } from './sequence/index.js';
import { tableKind } from './table/index.js';
import { triggerKind } from './trigger/index.js';
import { policyKind } from './policy/index.js';
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

/** The union of every registered kind's changes (without the fields every change carries; see Change). */
export type KindChange = ChangeTypeOf<KindList[number]>;

/** The hazards kind modules declare for their own changes (see Hazard). */
export type KindHazard = HazardTypeOf<KindList[number]>;

/** The concerns kind modules declare for their own changes (see Concern). */
export type KindConcern = ConcernTypeOf<KindList[number]>;

/** The concerns a kind module declares. */
type ConcernTypeOf<M> = M extends { readonly concernType?: infer K } ? Exclude<K, undefined> : never;

/** The hazards a kind module declares. */
type HazardTypeOf<M> = M extends { readonly hazardType?: infer H } ? Exclude<H, undefined> : never;

/** The change union a kind module declares. */
type ChangeTypeOf<M> = M extends { readonly changeType?: infer C } ? Exclude<C, undefined> : never;

/** The name of a registered kind: the diff's output blocks. */
export type KindName = KindList[number]['name'];

/** The ObjectKinds of a kind module. */
type ObjectsOf<M> = M extends { readonly objects: infer R } ? keyof R : never;

/** The ObjectKinds no module of a list owns (`never` when every one has its module). */
export type UnregisteredObjects<L extends readonly unknown[]> = Exclude<ObjectKind, ObjectsOf<L[number]>>;

/** Compiles only when every ObjectKind has a module (changes have specs by construction: KindModule's `changes` is a record over its own change union). */
export const EVERY_OBJECT_KIND_REGISTERED: [UnregisteredObjects<KindList>] extends [never] ? true : never = true;

installKinds(kindList());

/** The registered kinds, in creation order (loading this module installs them for kind-lookup.ts). */
export { kinds } from './kind-lookup.js';
