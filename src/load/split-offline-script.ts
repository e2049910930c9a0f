import { basename } from 'node:path';
import { UserError } from '../errors.js';
import type { LocatedRevision } from './located-revision.js';
import { parseRevisionId, parseRevisionList } from './revision-ids.js';

const UPGRADE = /^--\s*Running upgrade\b(.*?)->(.*)$/;
const DOWNGRADE = /^--\s*Running downgrade\b/;

/** Whether a text has an `alembic upgrade --sql` marker line (`-- Running upgrade A -> B`). */
export function hasUpgradeMarker(text: string): boolean {
  return text.split('\n').some((line) => UPGRADE.test(line.trim()));
}

interface Marker {
  readonly line: number;
  readonly offset: number;
  readonly id: string;
  readonly parents: string[];
}

function findMarkers(text: string, file: string): Marker[] {
  const markers: Marker[] = [];
  let offset = 0;
  let line = 1;
  // Alembic writes BEGIN; and COMMIT; on lines of their own; a BEGIN still open at the end means
  // the script was cut short (a failed copy, a full disk), and psql would roll that part back.
  let openBegin = 0;
  while (offset <= text.length) {
    const end = text.indexOf('\n', offset);
    const lineText = text.slice(offset, end === -1 ? text.length : end).trim();
    const pos = { file, line };
    const upper = lineText.toUpperCase();
    if (upper === 'BEGIN;' || upper === 'BEGIN TRANSACTION;' || upper === 'START TRANSACTION;') openBegin = line;
    else if (upper === 'COMMIT;' || upper === 'END;' || upper === 'ROLLBACK;') openBegin = 0;
    if (DOWNGRADE.test(lineText)) {
      throw new UserError(`${file} is a downgrade script ("-- Running downgrade" at line ${line}); give an upgrade script`, pos);
    }
    const m = UPGRADE.exec(lineText);
    if (m) {
      markers.push({
        line,
        offset,
        id: parseRevisionId(m[2]!, 'Revision after "->" in "Running upgrade" marker', pos),
        parents: parseRevisionList(m[1]!, 'Revision before "->" in "Running upgrade" marker', pos),
      });
    }
    if (end === -1) break;
    offset = end + 1;
    line++;
  }
  if (markers.length && openBegin) {
    throw new UserError(
      `${file} ends inside a transaction: the BEGIN at line ${openBegin} has no COMMIT, so the script looks cut short; psql would roll back everything after that BEGIN. Generate it again (alembic upgrade --sql)`,
      { file, line: openBegin },
    );
  }
  return markers;
}

/**
 * Splits `alembic upgrade --sql` output at its `-- Running upgrade A -> B` lines. Each chunk runs
 * from its marker to just before the next one, and the prelude before the first marker (BEGIN,
 * CREATE TABLE alembic_version) joins the first chunk, so chunk text plus startLine always maps
 * back to exact lines of the file. A script without markers is one revision named after the file.
 */
export function splitOfflineScript(text: string, file: string): LocatedRevision[] {
  const markers = findMarkers(text, file);
  if (markers.length === 0) {
    const id = basename(file).replace(/\.[^.]*$/, '') || basename(file);
    return [{ id, parents: [], file, sql: text, startLine: 1, idLine: 1, parentsLine: 1 }];
  }
  return markers.map((m, i) => {
    const next = markers[i + 1];
    const from = i === 0 ? 0 : m.offset;
    return {
      id: m.id,
      parents: m.parents,
      file,
      sql: text.slice(from, next ? next.offset : text.length),
      startLine: i === 0 ? 1 : m.line,
      idLine: m.line,
      parentsLine: m.line,
    };
  });
}
