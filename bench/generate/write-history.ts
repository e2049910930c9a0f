/** Writes a generated history as revision files (and its drift as drift.sql) into a folder. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GeneratedHistory } from './history.js';

/** Replaces `dir` with the history's revision files; returns the folder of revisions. */
export function writeHistory(history: GeneratedHistory, dir: string): string {
  const revisionsDir = path.join(dir, 'revisions');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(revisionsDir, { recursive: true });
  for (const r of history.revisions) writeFileSync(path.join(revisionsDir, r.file), r.sql);
  writeFileSync(path.join(dir, 'drift.sql'), history.drift.map((s) => s + ';\n').join(''));
  return revisionsDir;
}
