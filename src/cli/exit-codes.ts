/** Process exit codes, shared by every command so scripts can rely on them. */
export const EXIT = {
  ok: 0,
  /** Bad input, a failed connection, a failed apply: nothing was changed. */
  error: 1,
  /** `check`/`plan`: differences exist (not an error). */
  differences: 2,
  /** `apply --strict`: changes were skipped. */
  skipped: 3,
} as const;
