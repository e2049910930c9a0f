import { UserError } from '../errors.js';

/** Validates a `--format` value against what the command supports. */
export function parseFormat<T extends string>(value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UserError(`unknown --format "${value}": expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Parses a duration flag given in seconds (decimals allowed) into milliseconds. */
export function parseSeconds(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UserError(`${flag} expects a number of seconds, got "${value}"`);
  return Math.round(n * 1000);
}
