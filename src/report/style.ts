/** Text decoration for human output; the CLI decides (TTY, NO_COLOR, --no-color), reports just call it. */
export interface Style {
  readonly ok: (s: string) => string;
  readonly info: (s: string) => string;
  readonly warn: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

const id = (s: string): string => s;

/** No colour: what pipes, files, CI logs and NO_COLOR get. */
export const PLAIN: Style = { ok: id, info: id, warn: id, dim: id, bold: id };

const ansi = (open: number, close: number) => (s: string): string => `\u001b[${open}m${s}\u001b[${close}m`;

/** ANSI colours for a terminal. */
export const COLOR: Style = { ok: ansi(32, 39), info: ansi(36, 39), warn: ansi(33, 39), dim: ansi(2, 22), bold: ansi(1, 22) };
