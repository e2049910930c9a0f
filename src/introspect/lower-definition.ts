import type { IndexKey } from '../model/objects.js';
import type { Ddl } from '../parse/index.js';
import { parseDefinition } from '../parse/index.js';

/**
 * Lowers a `pg_get_*def` text with the same code migrations go through, and checks that it is the
 * expected statement kind. `what` names the object in the error (the parser failing on the
 * server's own output is a bug, not a user mistake, so it is a plain Error).
 */
export function lowerDefinition<K extends Ddl['kind']>(kind: K, sql: string, what: string): Extract<Ddl, { kind: K }> {
  let ddl: Ddl;
  try {
    ddl = parseDefinition(sql);
  } catch (err) {
    throw new Error(`cannot read the definition of ${what}: ${(err as Error).message}\n${sql}`);
  }
  if (ddl.kind !== kind) {
    const detail = ddl.kind === 'unsupported' || ddl.kind === 'noop' ? ` (${ddl.what})` : '';
    throw new Error(`definition of ${what} lowered to ${ddl.kind}${detail}, expected ${kind}:\n${sql}`);
  }
  return ddl as Extract<Ddl, { kind: K }>;
}

/**
 * Index keys of a live object without the written expression text the lowering keeps for
 * migrations: the live side is read, never executed from, and compares by canonical text alone.
 */
export function liveKeys(keys: readonly IndexKey[]): IndexKey[] {
  return keys.map((k) => {
    if (k.expressionSql === undefined) return k;
    const { expressionSql: _written, ...rest } = k;
    return rest;
  });
}
