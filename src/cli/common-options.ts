import type { Command } from 'commander';

/** Default migrations input: the project's own `alembic-versions/` folder. */
export const DEFAULT_MIGRATIONS = 'alembic-versions';

/** `--migrations` and `--to`, shared by every command that reads migrations. */
export function migrationOptions(cmd: Command): Command {
  return cmd
    .option('-m, --migrations <path>', 'folder of revision .sql files, an Alembic offline script, or Alembic .py revisions (versions folder or alembic.ini)', DEFAULT_MIGRATIONS)
    .option('--to <revision>', 'stop after this revision (id or unique prefix)');
}

/** `--database`, `--schema` and `--include-alembic-version`, shared by every command that reads a database. */
export function databaseOptions(cmd: Command, required = false): Command {
  return cmd
    .option('-d, --database <url>', `postgres://... or pglite:<dir> (default: DATABASE_URL${required ? '; required' : ''})`)
    .option('-s, --schema <name>', 'only this schema (repeatable; default: all non-system schemas)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--include-alembic-version', 'also include the alembic_version bookkeeping table');
}

/** `--declaration` / `--no-declaration`, for the commands that compare migrations with a database. */
export function declarationOptions(cmd: Command): Command {
  return cmd
    .option('--declaration', 'the migrations declare the whole schema: live objects they never create are dropped (destructive drops only with --allow-destructive), not left alone as unmanaged (also "declaration": true in schema-sync.json)')
    .option('--no-declaration', 'the migrations are a history: objects they never mention are unmanaged and left alone (the default; overrides the config file)');
}

/** `--verbose` for the human renderings of a plan. */
export function humanOutputOptions(cmd: Command): Command {
  return cmd.option('-v, --verbose', 'list the objects already in place');
}

/** Options every command takes, so scripts can pass them without knowing which command runs. */
export function everyCommandOptions(cmd: Command): Command {
  return cmd
    .option('--no-color', 'no colour even on a terminal (also NO_COLOR; FORCE_COLOR=1 forces colour)')
    .option('-q, --quiet', 'no replay summary or progress lines on stderr (warnings and errors still print)')
    .option('--exclude <rule>', 'leave objects out on both sides: KIND:PATTERN, e.g. extension:pg_stat_statements, schema:partman, table:public.tmp_* (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--config <file>', 'config file (default: the nearest schema-sync.json in the working directory or above it, up to the repository root)');
}

/** `--owners` / `--no-owners`: owners (ALTER ... OWNER TO) are compared and changed only when asked, since deploy roles differ. */
export function ownersOptions(cmd: Command, what = 'also compare the owners of the objects whose owner the migrations set (ALTER ... OWNER TO)'): Command {
  return cmd
    .option('--owners', `${what} (also "owners": true in schema-sync.json)`)
    .option('--no-owners', 'leave owners alone (the default; overrides the config file)');
}
