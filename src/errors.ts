/** Where in a migration file something happened; line and column are 1-based. */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

/**
 * Bad input from the user (a migration file, a flag, a connection string). The CLI prints its
 * message (with file:line when known) and exits 1; anything else thrown is an internal error.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly pos?: SourcePos,
    /** Extra lines printed under the message, e.g. the offending source line and a caret. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** Cuts each line of a message longer than `max` characters, saying how much was left out: an error must never echo a 20 MB line of input. */
export function clipLines(text: string, max = 400): string {
  return text.replace(new RegExp(`[^\\n]{${max + 1},}`, 'g'), (line) => `${line.slice(0, max)}… (${line.length - max} more characters)`);
}

/** Formats "file:line:column" for messages; omits what is unknown. */
export function formatPos(pos: SourcePos): string {
  return pos.column ? `${pos.file}:${pos.line}:${pos.column}` : `${pos.file}:${pos.line}`;
}
