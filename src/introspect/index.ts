/** Live database -> SchemaState, through the same lowering the replay uses. */
export { introspect } from './introspect.js';
export type { IntrospectOptions } from './options.js';
export { readAlembicVersion } from './read-alembic-version.js';
