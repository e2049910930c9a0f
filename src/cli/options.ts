import { UserError } from '../errors.js';

/** Validates a `--format` value against what the command supports. */
export function parseFormat<T extends string>(value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UserError(`unknown --format "${value}": expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}
