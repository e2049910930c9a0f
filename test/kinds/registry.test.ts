import { describe, expect, it } from 'vitest';
import type { Change, Concern, Hazard } from '../../src/diff/change.js';
import { DiffContext, slot } from '../../src/diff/diff-context.js';
import { objectDep } from '../../src/plan/dependency-keys.js';
import type { KindModule, ObjectSpec } from '../../src/kinds/kind-module.js';
import { objectOrder, objectSpecs } from '../../src/kinds/kind-lookup.js';
import { kinds, type UnregisteredObjects } from '../../src/kinds/registry.js';
import { schemaKind } from '../../src/kinds/schema/index.js';
import type { SchemaChange } from '../../src/kinds/schema/schema-change.js';
import type { DomainChange } from '../../src/kinds/domain/domain-change.js';
import { emptyState } from '../../src/model/schema-state.js';

/*
 * What the type checker refuses (`npx tsc -p tsconfig.test.json` fails if one of these compiles):
 * the registry and KindModule are how a kind is added with one module and one registration line,
 * so a module missing a required member must not get through.
 */

// A module whose `changes` lacks the spec of one of its change kinds.
// @ts-expect-error -- `createSchema` has no build/describe spec
export const missingChangeSpec: KindModule<'schema', SchemaChange, never> = { name: 'schema', changes: {}, objects: {} };

// An ObjectSpec without how the history names it and its dependency key.
const { names: _n, dep: _d, ...incomplete } = objectSpecs().schema;
// @ts-expect-error -- `names` and `dep` are required
export const missingObjectMembers: ObjectSpec = incomplete;

// A registry that leaves an ObjectKind without its module.
// @ts-expect-error -- only `schema` is registered
export const allRegistered: [UnregisteredObjects<[typeof schemaKind]>] extends [never] ? true : never = true;

// A change kind no module declares is not a Change: the union is derived from the modules.
// @ts-expect-error -- no module declares `createTeapot`
export const unknownChange: Change['kind'] = 'createTeapot';

// The union holds each module's changes (DomainChange is declared only in src/kinds/domain/).
export const domainChange: Change['kind'] = 'domain' satisfies DomainChange['kind'];

// Hazards are the common ones and those kind modules declare (PolicyHazard, PrivilegeHazard).
export const declaredHazards: readonly Hazard[] = ['table rewrite', 'weakens row-level security', 'access loss'];
// @ts-expect-error -- no module declares this hazard
export const unknownHazard: Hazard = 'makes coffee';

// Concerns likewise: the common ones and those kind modules declare with what each adds (KindModule.concerns).
export const declaredConcerns: readonly Concern[] = ['changes behaviour', 'opens every row', 'access loss'];
// @ts-expect-error -- no module declares this concern
export const unknownConcern: Concern = 'spills coffee';

describe('the kind registry', () => {
  it('gives every ObjectKind a spec whose name space includes it, and keys the history can name it by', () => {
    for (const kind of objectOrder()) {
      const spec = objectSpecs()[kind];
      expect(spec.names().kinds, kind).toContain(kind);
      const ref = { schema: 'public', name: 'x', ...(spec.parent ? { parent: 'p' } : {}) };
      expect(objectDep(kind, ref), kind).toMatch(/"x"|\bx\b/);
      if (spec.parent) expect(objectSpecs()[spec.parent], `${kind}'s parent`).toBeDefined();
    }
  });

  it('runs every kind\'s match in registry order: no kind reads a pairing of a kind registered after it', () => {
    const ctx = new DiffContext(emptyState(), emptyState());
    expect(() => ctx.matched(slot<unknown>('not matched by any kind'))).toThrow(/read before its kind matched them/);
    expect(kinds().filter((k) => k.match).length).toBeGreaterThan(10);
  });

  it('gives every concern a kind declares what it adds, and lists every hazard a kind declares', () => {
    for (const k of kinds()) {
      const concerns = (k as { concerns?: Record<string, { safety: string; hazard?: string }> }).concerns ?? {};
      const hazards: readonly string[] = (k as { hazards?: readonly string[] }).hazards ?? [];
      for (const [name, spec] of Object.entries(concerns)) {
        expect(['review', 'destructive'], name).toContain(spec.safety);
        if (spec.hazard !== undefined) expect(hazards, `${k.name}: ${name}`).toContain(spec.hazard);
      }
    }
  });

  it('installs one change spec per change kind, each with build and describe', () => {
    for (const k of kinds()) {
      for (const [kind, spec] of Object.entries(k.changes)) {
        expect(typeof (spec as { build: unknown }).build, kind).toBe('function');
        expect(typeof (spec as { describe: unknown }).describe, kind).toBe('function');
      }
    }
  });
});
