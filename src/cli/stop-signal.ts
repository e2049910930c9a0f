/**
 * SIGINT / SIGTERM (Ctrl-C, a deploy's timeout, `docker stop`): say what happened before exiting.
 * The process ends and its connections with it; PostgreSQL rolls back a transaction whose session
 * ends, so nothing of an unfinished apply is committed (what an earlier transaction committed, e.g.
 * enum labels ahead of their use, stays; a verification read changes nothing).
 */
export function onStopSignal(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      process.stderr.write(
        `\nschema-sync: stopped by ${signal}; PostgreSQL rolls back the transaction in progress, so nothing of it was committed\n`,
      );
      process.exit(code);
    });
  }
}
