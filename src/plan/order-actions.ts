import type { SchemaState } from '../model/schema-state.js';
import { dependencyOrder } from '../report/sort-order.js';
import type { Action } from './action.js';
import { freeDep, isNameDep, type DepKey } from './dependency-keys.js';
import { MentionIndex } from './mentions.js';
import { stateMentionables } from './object-deps.js';

/** Actions in execution order, with what each must follow (positions in `order`). */
export interface OrderedActions {
  readonly order: readonly Action[];
  readonly after: readonly ReadonlySet<number>[];
  /** Positions of actions adding an enum label other actions use: it must be committed before they run. */
  readonly labelAdders: ReadonlySet<number>;
}

/** Actions adding an enum label that another action spells; each user is made to follow its adder. */
function enumLabelAdders(actions: readonly Action[], after: readonly Set<number>[]): Set<number> {
  const adders = new Set<number>();
  actions.forEach((adder, i) => {
    const label = adder.newEnumLabel;
    if (label === undefined) return;
    actions.forEach((a, j) => {
      if (a.newEnumLabel === undefined && a.statements.some((s) => s.sql.includes(label))) {
        after[j]!.add(i);
        adders.add(i);
      }
    });
  });
  return adders;
}

function multiMap(entries: Iterable<readonly [DepKey, number]>): Map<DepKey, number[]> {
  const out = new Map<DepKey, number[]>();
  for (const [k, i] of entries) {
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

/**
 * Which action must follow which: a creation follows the creations of what it needs (also
 * through names its expressions mention) and the drops or renames that free its name; a drop
 * comes before the drops of what its live object needs, and before alterations its live object
 * blocks.
 */
function dependencies(actions: readonly Action[], live: SchemaState): Set<number>[] {
  const after = actions.map(() => new Set<number>());
  const providers = multiMap(actions.flatMap((a, i) => a.deps.provides.map((k) => [k, i] as const)));
  const mentions = new MentionIndex();
  for (const a of actions) mentions.add(a.deps.mentionables);
  actions.forEach((a, i) => {
    const needs = [...a.deps.requires, ...mentions.resolve(a.deps.mentions), ...a.deps.provides.filter(isNameDep).map(freeDep)];
    for (const k of needs) for (const j of providers.get(k) ?? []) if (j !== i) after[i]!.add(j);
  });

  const dropsHave = multiMap(actions.flatMap((a, i) => (a.live ? a.live.provides.map((k) => [k, i] as const) : [])));
  const cleared = multiMap(actions.flatMap((a, i) => (a.clearedBy ?? []).map((k) => [k, i] as const)));
  // Only drops and alterations carry live Deps; the index of the whole live schema is built
  // only when one of them has expressions to resolve.
  let liveMentions: MentionIndex | undefined;
  const resolveLive = (texts: readonly string[]): DepKey[] => {
    if (!texts.length) return [];
    if (!liveMentions) (liveMentions = new MentionIndex()).add(stateMentionables(live));
    return liveMentions.resolve(texts);
  };
  actions.forEach((a, i) => {
    if (!a.live) return;
    for (const k of [...a.live.requires, ...resolveLive(a.live.mentions)]) {
      for (const j of [...(dropsHave.get(k) ?? []), ...(cleared.get(k) ?? [])]) if (j !== i) after[j]!.add(i);
    }
  });

  return after;
}

/**
 * Each action's rank lowered to the lowest rank of anything that (transitively) waits for it, so
 * that a late-ranked prerequisite (a history drop of a view blocking a column type change) runs
 * when what needs it would, instead of holding it back while later-ranked actions overtake it.
 */
function inheritedRanks(actions: readonly Action[], after: readonly ReadonlySet<number>[]): number[] {
  const effective = actions.map((a) => a.rank);
  const work = actions.map((_, i) => i);
  while (work.length) {
    const i = work.pop()!;
    for (const j of after[i]!) {
      if (effective[j]! > effective[i]!) {
        effective[j] = effective[i]!;
        work.push(j);
      }
    }
  }
  return effective;
}

/**
 * Topological order of the actions; where the graph leaves a choice, lower (inherited) rank first, then
 * name, then diff order, so the same diff always gives the same plan. A cycle is broken by taking
 * the first remaining action in that order.
 */
export function orderActions(actions: readonly Action[], live: SchemaState): OrderedActions {
  const after = dependencies(actions, live);
  const adders = enumLabelAdders(actions, after);
  const effective = inheritedRanks(actions, after);
  const width = String(actions.length).length;
  const rank = (r: number): string => String(r).padStart(6, '0');
  const keys = actions.map((a, i) => `${rank(effective[i]!)}\0${rank(a.rank)}\0${a.name}\0${String(i).padStart(width, '0')}`);
  const sorted = dependencyOrder(
    keys.map((key, i) => [key, i] as const),
    (i) => [...after[i]!].map((j) => keys[j]!),
  );
  const position = new Map(sorted.map((i, p) => [i, p]));
  return {
    order: sorted.map((i) => actions[i]!),
    after: sorted.map((i) => new Set([...after[i]!].map((j) => position.get(j)!))),
    labelAdders: new Set([...adders].map((i) => position.get(i)!)),
  };
}
