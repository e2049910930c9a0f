/** The fields PostgreSQL reports with an error, as both `pg` and PGlite expose them. */
export interface QueryErrorFields {
  /** SQLSTATE, e.g. `42P07` (duplicate_table). */
  readonly code: string;
  readonly detail?: string;
  readonly hint?: string;
  /** 1-based character offset into the statement text, when the server points at one. */
  readonly position?: number;
  /** Context such as the PL/pgSQL line or the statement inside a function. */
  readonly where?: string;
  readonly schema?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
}

/**
 * The server rejected a statement. Deliberately not a UserError: whether that is the user's fault
 * (their migration SQL) or ours (a catalog query) depends on the caller, which should wrap it.
 * Its message is the server's message, scrubbed of connection strings.
 */
export class QueryError extends Error implements QueryErrorFields {
  override readonly name = 'QueryError';
  readonly code: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly position?: number;
  readonly where?: string;
  readonly schema?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;

  constructor(message: string, fields: QueryErrorFields) {
    super(message);
    this.code = fields.code;
    this.detail = fields.detail;
    this.hint = fields.hint;
    this.position = fields.position;
    this.where = fields.where;
    this.schema = fields.schema;
    this.table = fields.table;
    this.column = fields.column;
    this.constraint = fields.constraint;
  }
}
