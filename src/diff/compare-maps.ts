import type { ObjectKind } from '../model/objects.js';
import type { Origin } from '../model/origin.js';
import type { AttributeDifference, Difference } from './difference.js';
import { NEVER_COMPARED, sameValue } from './same-value.js';
import { ownedFields } from '../kinds/kind-lookup.js';

let ignoredFields: ReadonlySet<string> | undefined;

/** Fields that never take part in equality here: those, names already matched by key, parts compared apart, fields another kind owns. */
function IGNORED(): ReadonlySet<string> {
  return (ignoredFields ??= new Set([...NEVER_COMPARED, 'schema', 'name', 'columns', 'constraints', ...ownedFields()]));
}

function attributeDiffs(target: object, live: object, skip: ReadonlySet<string> | undefined): AttributeDifference[] {
  const keys = new Set([...Object.keys(target), ...Object.keys(live)]);
  const out: AttributeDifference[] = [];
  for (const k of [...keys].sort()) {
    if (IGNORED().has(k) || skip?.has(k)) continue;
    const t = (target as Record<string, unknown>)[k];
    const l = (live as Record<string, unknown>)[k];
    if (!sameValue(t, l)) out.push({ attribute: k, target: t, live: l });
  }
  return out;
}

function originOf(o: unknown): Origin | undefined {
  return (o as { origin?: Origin }).origin;
}

/** Compares two maps of one kind by key: missing, extra, and attribute differences (then `onBoth`). */
export function compareMaps<T extends object>(
  out: Difference[],
  kind: (o: T) => ObjectKind,
  target: ReadonlyMap<string, T>,
  live: ReadonlyMap<string, T>,
  onBoth?: (t: T, l: T, name: string) => void,
  ignored?: ReadonlySet<string>,
): void {
  for (const [k, t] of target) {
    const l = live.get(k);
    const origin = originOf(t);
    if (!l) {
      out.push({ kind: 'missing', object: kind(t), name: k, ...(origin ? { origin } : {}) });
      continue;
    }
    const attributes = attributeDiffs(t, l, ignored);
    if (attributes.length) out.push({ kind: 'different', object: kind(t), name: k, attributes, ...(origin ? { origin } : {}) });
    onBoth?.(t, l, k);
  }
  for (const [k, l] of live) if (!target.has(k)) out.push({ kind: 'extra', object: kind(l), name: k });
}
