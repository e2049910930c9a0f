import { UserError } from '../errors.js';
import { formatList } from './format-list.js';
import { joinAsGiven, listSqlFiles } from './list-sql-files.js';
import type { LocatedRevision } from './located-revision.js';
import { readSqlFile } from './read-sql-file.js';
import { parseRevisionHeader } from './revision-header.js';
import { hasUpgradeMarker, splitOfflineScript } from './split-offline-script.js';

/** A folder's revisions in file-name order, before any graph ordering. */
export interface FolderContents {
  readonly kind: 'revision-folder' | 'plain-folder';
  readonly revisions: LocatedRevision[];
  /** Ids and parents come from `-- Running upgrade` markers (the first may start past the base). */
  readonly markers?: boolean;
}

/**
 * Reads every `.sql` file of a folder. With headers, ids and parents come from them; with
 * `-- Running upgrade A -> B` markers (files written by `alembic upgrade A:B --sql`), from the
 * markers; with neither, each file's id is its base name and its parent is the previous file. A mix is refused because
 * there is no sound way to place header-less files in a revision graph. Relative paths are read from `cwd`.
 */
export async function loadFolder(folder: string, cwd: string): Promise<FolderContents> {
  const names = await listSqlFiles(folder, cwd);
  const files = names.map((name) => joinAsGiven(folder, name));
  const texts = await Promise.all(files.map((file) => readSqlFile(file, cwd)));
  const headers = texts.map((text, i) => parseRevisionHeader(text, files[i]!));

  const without = files.filter((_, i) => !headers[i]);
  if (without.length === 0) {
    return {
      kind: 'revision-folder',
      revisions: headers.map((h, i) => ({
        id: h!.id,
        parents: h!.parents,
        file: files[i]!,
        sql: texts[i]!,
        startLine: 1,
        idLine: h!.idLine,
        parentsLine: h!.parentsLine,
      })),
    };
  }
  const marked = files.filter((_, i) => !headers[i] && hasUpgradeMarker(texts[i]!));
  if (without.length === files.length && marked.length === files.length) {
    // `alembic upgrade A:B --sql` outputs, one or more revisions each: the markers name them.
    return { kind: 'revision-folder', revisions: files.flatMap((file, i) => splitOfflineScript(texts[i]!, file)), markers: true };
  }
  if (marked.length && without.length === files.length) {
    const unmarked = files.filter((f) => !marked.includes(f));
    throw new UserError(
      `${folder} mixes alembic --sql outputs ("-- Running upgrade" markers: ${formatList(marked, 3)}) and files without markers or headers ` +
        `(${formatList(unmarked)}); give every file a marker or a "-- revision:" header`,
    );
  }
  if (without.length < files.length) {
    const withHeaders = files.filter((_, i) => headers[i]);
    throw new UserError(
      `${folder} mixes files with "-- revision:" headers (${formatList(withHeaders, 3)}) and files without ` +
        `(${formatList(without)}); add headers to every file or to none`,
      // The first file without: its header would go at line 1.
      { file: without[0]!, line: 1 },
    );
  }
  return {
    kind: 'plain-folder',
    revisions: names.map((name, i) => ({
      id: name.replace(/\.sql$/i, ''),
      parents: i === 0 ? [] : [names[i - 1]!.replace(/\.sql$/i, '')],
      file: files[i]!,
      sql: texts[i]!,
      startLine: 1,
      idLine: 1,
      parentsLine: 1,
    })),
  };
}
