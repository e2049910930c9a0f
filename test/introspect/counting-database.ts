import type { Database } from '../../src/db/index.js';

/** A Database that counts the statements sent through it (queries and exec scripts). */
export interface CountingDatabase extends Database {
  readonly queries: string[];
}

/** Wraps `db`, recording each query's SQL; close() closes the wrapped database. */
export function countingDatabase(db: Database): CountingDatabase {
  const queries: string[] = [];
  return {
    kind: db.kind,
    label: db.label,
    queries,
    query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => {
      queries.push(sql);
      return db.query<T>(sql, params);
    },
    exec: (sql: string) => {
      queries.push(sql);
      return db.exec(sql);
    },
    close: () => db.close(),
  };
}
