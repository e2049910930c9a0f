import type { Database } from '../../src/db/index.js';
import type { Revision } from '../../src/load/types.js';
import { parseRevision } from '../../src/parse/index.js';

/**
 * Executes migration SQL on a real server one statement at a time (as Alembic does; it also
 * lets CREATE INDEX CONCURRENTLY run outside a transaction block).
 */
export async function runMigrations(db: Database, revisions: readonly Revision[]): Promise<void> {
  for (const rev of revisions) {
    let lastBlock: unknown;
    for (const parsed of parseRevision(rev)) {
      // The statements of a DO block run as the block (with its guards), once.
      const st = parsed.block ?? parsed;
      if (parsed.block && parsed.block === lastBlock) continue;
      lastBlock = parsed.block;
      try {
        await db.exec(st.sql);
      } catch (e) {
        throw new Error(`${st.pos.file}:${st.pos.line}: ${(e as Error).message}\n${st.sql}`);
      }
    }
  }
}

/** Wraps plain SQL texts as revisions r1, r2, ... for tests. */
export function revisionsFromSql(name: string, sqls: readonly string[]): Revision[] {
  return sqls.map((sql, i) => ({
    id: `r${i + 1}`,
    parents: i ? [`r${i}`] : [],
    file: `${name}/r${i + 1}.sql`,
    sql,
    startLine: 1,
  }));
}
