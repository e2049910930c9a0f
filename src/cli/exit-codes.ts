import { inSync, leftUndone, type Verdict } from '../plan/verdict.js';

/**
 * Process exit codes, shared by every command so scripts can rely on them. One table decides
 * them (docs/SCHEMA_SYNC_GUIDE.md, "Exit codes"): `plan` and `check` exit 2 for any difference
 * between the database and the migrations; `apply --strict` exits 3 for what it left undone.
 */
export const EXIT = {
  ok: 0,
  /** Bad input, a failed connection, a failed apply, a saved plan that no longer holds: nothing was changed. */
  error: 1,
  /** `check`/`plan`/`diff`: differences exist (not an error). */
  differences: 2,
  /** `apply --strict`: the database still differs from the migrations (skipped changes, drift, unmanaged objects, data statements not run). */
  skipped: 3,
} as const;

/** `plan` and `check`: 0 in sync, 2 anything pending or left for a person. */
export function verdictExit(v: Verdict): number {
  return inSync(v) ? EXIT.ok : EXIT.differences;
}

/** `apply` after a verified run: 0, or 3 under --strict when it left something undone. */
export function applyExit(v: Verdict, strict: boolean): number {
  return strict && leftUndone(v) ? EXIT.skipped : EXIT.ok;
}
