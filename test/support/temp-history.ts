import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Writes a migration folder with Alembic-style headers (`r1`, `r2`, ... chained) and returns
 * its path, for tests that drive the CLI.
 */
export async function writeHistory(revisions: readonly string[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-history-'));
  for (const [i, sql] of revisions.entries()) {
    const header = `-- revision: r${i + 1}\n-- down_revision: ${i ? `r${i}` : 'none'}\n\n`;
    await writeFile(path.join(dir, `${String(i + 1).padStart(4, '0')}_r${i + 1}.sql`), header + sql + '\n');
  }
  return dir;
}
