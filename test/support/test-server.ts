/** A PostgreSQL server for the duration of a test run. */
export interface TestServer {
  /** Where it came from, for the one log line the setup prints. */
  readonly description: string;
  /** A superuser `postgres://` URL (may create and drop databases). */
  readonly adminUrl: string;
  stop(): Promise<void>;
}
