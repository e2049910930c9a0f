/** The benchmark's databases on one server: created, cloned from templates, built, dropped. */
import { openDatabase, type Database } from '../src/db/index.js';
import type { GeneratedRevision } from './generate/history.js';

/** Creates and drops databases through a superuser URL; hands out URLs for them. */
export class BenchDatabases {
  private constructor(private readonly adminUrl: string, private readonly admin: Database) {}

  /** Connects to the server's maintenance database. */
  static async connect(adminUrl: string): Promise<BenchDatabases> {
    return new BenchDatabases(adminUrl, await openDatabase(adminUrl));
  }

  /** The URL of database `name` on the same server and role. */
  url(name: string): string {
    const u = new URL(this.adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  }

  /** (Re)creates `name`, empty or as a copy of `template` (which must have no connections). */
  async create(name: string, template = 'template0'): Promise<string> {
    await this.drop(name);
    await this.admin.exec(`CREATE DATABASE "${name}" TEMPLATE "${template}" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    return this.url(name);
  }

  async drop(name: string): Promise<void> {
    await this.admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  /** Runs SQL in database `name`: each item in its own transaction (as Alembic runs a revision). */
  async execEach(name: string, scripts: readonly string[]): Promise<void> {
    const db = await openDatabase(this.url(name));
    try {
      for (const sql of scripts) await db.exec(`BEGIN;\n${sql};\nCOMMIT`);
    } finally {
      await db.close();
    }
  }

  /** Builds database `name` by running a history's revisions directly, without schema-sync. */
  async buildFromHistory(name: string, revisions: readonly GeneratedRevision[]): Promise<string> {
    const url = await this.create(name);
    await this.execEach(name, revisions.map((r) => r.sql));
    return url;
  }

  /** The server's version string. */
  async serverVersion(): Promise<string> {
    const [row] = await this.admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    return row?.v ?? 'unknown';
  }

  async close(): Promise<void> {
    await this.admin.close();
  }
}
