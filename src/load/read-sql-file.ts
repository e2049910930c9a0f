import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError, type SourcePos } from '../errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** 1-based line and column (in characters) of a string index. */
function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}

/** Where the first byte that is not UTF-8 is: line, column and byte offset (the valid prefix decodes). */
function invalidUtf8At(bytes: Buffer, file: string): SourcePos & { byte: number } {
  // Binary search the longest prefix that decodes (a truncated sequence at the cut also fails).
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  const prefix = decoder.decode(bytes.subarray(0, lo));
  return { file, ...lineColumn(prefix, prefix.length), byte: lo };
}

/**
 * Reads a migration file as strict UTF-8 with any BOM removed. Line ends are kept as written:
 * psql sends CRLF inside function bodies and string literals to the server as is, and PostgreSQL
 * stores it (prosrc, defaults, comments), so rewriting it would invent a difference. A NUL byte is
 * refused: PostgreSQL's parser stops at it, so everything after it would silently vanish. A
 * relative `file` is read from `cwd` and named as given.
 */
export async function readSqlFile(file: string, cwd: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(cwd, file));
  } catch (err) {
    throw new UserError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = invalidUtf8At(bytes, file);
    throw new UserError(`${file} is not valid UTF-8 text (first invalid byte at offset ${at.byte}, line ${at.line}, column ${at.column})`, at);
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const pos = { file, ...lineColumn(text, nul) };
    throw new UserError(`${file} contains a NUL byte (line ${pos.line}, column ${pos.column}); PostgreSQL would stop reading there`, pos);
  }
  return text;
}
