export { checkMigrationsPath, loadMigrations } from './load-migrations.js';
export { naturalCompare } from './natural-compare.js';
export type { LoadOptions, MigrationHistory, Revision } from './types.js';
export { hasRevisionIds } from './has-revision-ids.js';
