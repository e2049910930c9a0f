import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads a migration file as strict UTF-8 with any BOM removed and CRLF turned into LF.
 * Only "\r\n" pairs are rewritten, so every line keeps its number.
 */
export async function readSqlFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new UserError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new UserError(`${file} is not valid UTF-8 text`);
  }
  return text.replace(/\r\n/g, '\n');
}
