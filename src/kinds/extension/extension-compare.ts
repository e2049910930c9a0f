import type { Difference } from '../../diff/difference.js';
import { extensionMove } from '../../model/extension-catalog.js';
import type { SchemaState } from '../../model/schema-state.js';

/**
 * An extension's schema, where the history wrote it or its control file pins it (extensionMove), compared with the live one.
 * The by-key comparison skips `schema` for every kind (it is in their keys); an extension's key is
 * its name alone, so its schema joins the extension's `different` entry from here.
 */
export function extensionSchemaDifferences(target: SchemaState, live: SchemaState): Difference[] {
  const out: Difference[] = [];
  for (const [key, t] of target.extensions) {
    const l = live.extensions.get(key);
    const move = l && extensionMove(t, l);
    if (!move) continue;
    out.push({ kind: 'different', object: 'extension', name: key, attributes: [{ attribute: 'schema', target: move.to, live: move.from }], ...(t.origin ? { origin: t.origin } : {}) });
  }
  return out;
}
