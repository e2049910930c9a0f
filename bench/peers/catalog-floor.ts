/**
 * The floor for anything that introspects: connect, run the same bulk catalog queries schema-sync
 * runs (session setup, one per object kind, restore) and fetch every row, with no processing.
 */
import { openDatabase } from '../../src/db/index.js';
import { openCatalogSession } from '../../src/introspect/catalog-session.js';
import { catalogQueryTexts } from '../../src/introspect/introspect.js';

/** Runs the catalog queries once against `url`; returns wall milliseconds and rows fetched. */
export async function catalogFloor(url: string): Promise<{ wallMs: number; rows: number }> {
  const start = performance.now();
  const db = await openDatabase(url);
  let rows = 0;
  try {
    const session = await openCatalogSession(db, 0);
    for (const q of catalogQueryTexts({ schemas: null, serverVersion: session.serverVersion })) {
      rows += (await db.query(q.sql, q.params)).length;
    }
    await session.restore();
  } finally {
    await db.close();
  }
  return { wallMs: performance.now() - start, rows };
}
