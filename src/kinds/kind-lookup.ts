import type { ObjectKind } from '../model/objects.js';
import type { Hazard } from '../diff/change.js';
import type { ChangeSpec, ChangeSpecs, ConcernSpec, ObjectSpec } from './kind-module.js';
import type { KindList, KindName } from './registry.js';

/**
 * The installed kind registry, looked up by kind. Kind modules reach central code (describe,
 * the diff context) that looks kinds up, so central code imports this file, which imports no
 * kind; registry.ts installs the modules when it loads (diff.ts and change-actions.ts import it),
 * which keeps module loading free of cycles (the bundled CLI deadlocks on a cycle through the
 * parser's top-level await).
 */
type ObjectSpecs = { readonly [O in ObjectKind]: ObjectSpec };

interface Installed {
  readonly list: KindList;
  readonly changes: ChangeSpecs;
  readonly objects: ObjectSpecs;
  readonly objectOrder: readonly ObjectKind[];
  readonly positions: ReadonlyMap<string, number>;
  readonly ownedFields: readonly string[];
  readonly hazards: readonly string[];
  readonly concerns: ReadonlyMap<string, ConcernSpec>;
}

let installed: Installed | undefined;

/** Installs the registered kinds (called once, by registry.ts). */
export function installKinds(list: KindList): void {
  // Typed by construction: each module's `changes` covers its own change kinds (KindModule's
  // mapped type), Change is the union of them, and registry.ts checks ObjectKind is covered.
  const changes = Object.assign({}, ...list.map((k) => k.changes)) as ChangeSpecs;
  const objects = Object.assign({}, ...list.map((k) => k.objects)) as ObjectSpecs;
  const positions = new Map<string, number>(list.map((k, i) => [k.name, i]));
  const ownedFields = list.flatMap((k: { readonly ownsFields?: readonly string[] }) => k.ownsFields ?? []);
  const hazards = list.flatMap((k: { readonly hazards?: readonly string[] }) => k.hazards ?? []);
  const concerns = new Map(list.flatMap((k: { readonly concerns?: Record<string, ConcernSpec> }) => Object.entries(k.concerns ?? {})));
  installed = { list, changes, objects, objectOrder: Object.keys(objects) as ObjectKind[], positions, ownedFields, hazards, concerns };
}

function registry(): Installed {
  if (!installed) throw new Error('internal: the kind registry is not loaded (import src/kinds/registry.js)');
  return installed;
}

/** The registered kinds, in creation order. */
export function kinds(): KindList {
  return registry().list;
}

/** The spec of one change kind. */
export function changeSpec<K extends keyof ChangeSpecs>(kind: K): ChangeSpec<K> {
  return registry().changes[kind];
}

/** Every ObjectKind's drop / rename / display spec. */
export function objectSpecs(): ObjectSpecs {
  return registry().objects;
}

/** ObjectKinds in registry order (reports sort by it). */
export function objectOrder(): readonly ObjectKind[] {
  return registry().objectOrder;
}

/** Object fields a kind owns (KindModule.ownsFields): other kinds' comparisons skip them. */
export function ownedFields(): readonly string[] {
  return registry().ownedFields;
}

/** The hazards kinds declare (KindModule.hazards), in registry order. */
export function kindHazards(): readonly Hazard[] {
  return registry().hazards as readonly Hazard[];
}

/** What a concern a kind declares adds (KindModule.concerns); undefined for the common ones. */
export function kindConcern(concern: string): ConcernSpec | undefined {
  return registry().concerns.get(concern);
}

/** A kind's position in the registry (the diff's output block order). */
export function kindPosition(name: KindName): number {
  return registry().positions.get(name)!;
}
