import { UserError } from '../errors.js';
import { parseRevisionId, parseRevisionList } from './revision-ids.js';

/** The `-- revision:` / `-- down_revision:` header at the top of a per-revision file. */
export interface RevisionHeader {
  readonly id: string;
  readonly parents: string[];
  readonly idLine: number;
  readonly parentsLine: number;
}

const HEADER = /^--\s*(revision|down_revision)\s*[:=]\s*(.*?)\s*$/i;

/**
 * Reads the header from the leading comment block (blank and `--` lines before the first SQL);
 * returns undefined when the file has none. Header-like lines after the first SQL are not headers.
 */
export function parseRevisionHeader(text: string, file: string): RevisionHeader | undefined {
  let id: { value: string; line: number } | undefined;
  let parents: { value: string[]; line: number } | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line !== '' && !line.startsWith('--')) break;
    const m = HEADER.exec(line);
    if (!m) continue;
    const pos = { file, line: i + 1 };
    const key = m[1]!.toLowerCase();
    const seen = key === 'revision' ? id : parents;
    if (seen) throw new UserError(`${file} has two "-- ${key}:" headers (lines ${seen.line} and ${i + 1})`, pos);
    if (key === 'revision') id = { value: parseRevisionId(m[2]!, 'revision header', pos), line: i + 1 };
    else parents = { value: parseRevisionList(m[2]!, 'down_revision header', pos), line: i + 1 };
  }
  if (!id && !parents) return undefined;
  if (!id) {
    throw new UserError(`${file} has a "-- down_revision:" header but no "-- revision:" header`, {
      file,
      line: parents!.line,
    });
  }
  if (!parents) {
    throw new UserError(
      `${file} has a "-- revision:" header but no "-- down_revision:" header (write "-- down_revision: none" for a first revision)`,
      { file, line: id.line },
    );
  }
  return { id: id.value, parents: parents.value, idLine: id.line, parentsLine: parents.line };
}
