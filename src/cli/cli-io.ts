/** Where a CLI run writes one of its output streams: the process's stream, or a test's buffer. */
export interface CliOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * Everything a CLI run takes from its process: output streams, the terminal it may prompt on, the
 * environment and the working directory. `run` reads these and never the process's own, so tests
 * can run the CLI in process, many times, without one run leaking into the next.
 */
export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /** Read only by apply's confirmation prompt, and only when it is a terminal. */
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths (migrations, config, saved plans, `pglite:<dir>`) are read from here. */
  readonly cwd: string;
}

/** One run of the CLI: its io, and the exit code its command decided (0 until one does). */
export interface CliRun {
  readonly io: CliIo;
  exitCode: number;
}
