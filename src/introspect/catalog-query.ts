import type { Database } from '../db/index.js';
import { type CatalogScope, scopeParams } from './catalog-scope.js';

/** One bulk catalog query and how its rows become model objects. */
export interface CatalogQuery<R, T> {
  readonly sql: (scope: CatalogScope) => string;
  /** Bind parameters; default: the schema scope as `$1`. */
  readonly params?: (scope: CatalogScope) => unknown[];
  readonly build: (rows: R[]) => T;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyQuery = CatalogQuery<any, any>;
type Results<Q extends readonly AnyQuery[]> = { -readonly [K in keyof Q]: Q[K] extends CatalogQuery<never, infer T> ? T : never };

/**
 * Runs the queries one after the other, but sends each one before building the previous one's
 * result, so the server works while the (CPU-bound) lowering runs. Only one query is ever in
 * flight: `pg` deprecates overlapping queries on a client and neither driver runs them in parallel.
 */
export async function runCatalogQueries<const Q extends readonly AnyQuery[]>(
  db: Database,
  scope: CatalogScope,
  queries: Q,
): Promise<Results<Q>> {
  const send = (q: AnyQuery): Promise<unknown[]> => db.query(q.sql(scope), (q.params ?? scopeParams)(scope));
  const out: unknown[] = [];
  let pending = queries[0] ? send(queries[0]) : undefined;
  for (let i = 0; i < queries.length; i++) {
    const rows = await pending!;
    const next = queries[i + 1];
    pending = next ? send(next) : undefined;
    try {
      out.push(queries[i]!.build(rows));
    } catch (err) {
      // Let the query in flight settle, so the connection is idle and nothing rejects unobserved.
      await pending?.catch(() => undefined);
      throw err;
    }
  }
  return out as Results<Q>;
}
