import { existsSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { TestServer } from './test-server.js';

const PROBE_TIMEOUT_MS = 1_000;

/**
 * True when a Docker-compatible engine answers within about a second. Checks the places
 * testcontainers looks (DOCKER_HOST, ~/.testcontainers.properties, the usual sockets) without
 * importing testcontainers, so that machines without Docker pay nothing.
 */
export async function dockerAvailable(): Promise<boolean> {
  const host = process.env['DOCKER_HOST'];
  if (host) return !host.startsWith('unix://') || (await pingSocket(host.slice('unix://'.length)));
  if (existsSync(path.join(os.homedir(), '.testcontainers.properties'))) return true;
  const uid = process.getuid?.();
  const candidates = [
    '/var/run/docker.sock',
    path.join(os.homedir(), '.docker/run/docker.sock'),
    path.join(os.homedir(), '.docker/desktop/docker.sock'),
    ...(process.env['XDG_RUNTIME_DIR'] ? [path.join(process.env['XDG_RUNTIME_DIR'], '.docker/run/docker.sock')] : []),
    ...(uid !== undefined ? [`/run/user/${uid}/docker.sock`] : []),
  ];
  for (const socket of candidates) {
    if (existsSync(socket) && (await pingSocket(socket))) return true;
  }
  return false;
}

/** GET /_ping on a Unix socket; any HTTP answer means an engine is listening. */
function pingSocket(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: PROBE_TIMEOUT_MS }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** Starts `postgres:15` in a container via testcontainers (data on tmpfs, fsync off). */
export async function startDockerServer(): Promise<TestServer> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const password = `pw${Math.random().toString(36).slice(2)}`;
  const container = await new GenericContainer('postgres:15')
    .withEnvironment({ POSTGRES_PASSWORD: password })
    .withExposedPorts(5432)
    .withTmpFs({ '/var/lib/postgresql/data': 'rw' })
    .withCommand(['postgres', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'])
    // The image's entrypoint starts the server twice (once for init scripts, then for real).
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .withStartupTimeout(120_000)
    .start();
  const host = container.getHost();
  const port = container.getMappedPort(5432);
  return {
    description: `Docker postgres:15 at ${host}:${port}`,
    adminUrl: `postgres://postgres:${password}@${host.includes(':') ? `[${host}]` : host}:${port}/postgres`,
    stop: async () => {
      await container.stop();
    },
  };
}
