import { UserError } from '../errors.js';
import { scrubSecrets } from './redact.js';
import { QueryError } from './query-error.js';

/**
 * Converts whatever a driver threw during a query into our error types, with every message
 * scrubbed of connection strings and the given secrets: a server error (it carries a SQLSTATE
 * and severity) becomes QueryError, anything else (connection lost, socket error) a UserError
 * that names the target.
 */
export function wrapDriverError(err: unknown, label: string, secrets: readonly string[]): Error {
  if (err instanceof QueryError || err instanceof UserError) return err;
  const scrub = (s: unknown): string | undefined =>
    typeof s === 'string' ? scrubSecrets(s, secrets) : undefined;
  const e = (typeof err === 'object' && err !== null ? err : {}) as Record<string, unknown>;
  const message = scrub(e['message']) ?? scrubSecrets(String(err), secrets);
  if (typeof e['code'] === 'string' && /^[0-9A-Z]{5}$/.test(e['code']) && 'severity' in e) {
    const position = Number(e['position']);
    return new QueryError(message, {
      code: e['code'],
      detail: scrub(e['detail']),
      hint: scrub(e['hint']),
      position: Number.isInteger(position) && position > 0 ? position : undefined,
      where: scrub(e['where']),
      schema: scrub(e['schema']),
      table: scrub(e['table']),
      column: scrub(e['column']),
      constraint: scrub(e['constraint']),
    });
  }
  return new UserError(`Database error on ${label}: ${message}`);
}
