import { quoteIdent, quoteLiteral } from '../../model/names.js';
import { schemaDeps } from './schema-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { bareName, liveTarget, nothing, ownNames } from '../object-specs.js';
import { schemaDep } from '../../plan/dependency-keys.js';
import { createSchemaActions } from './schema-actions.js';
import type { SchemaChange } from './schema-change.js';
import { diffSchemas } from './schema-diff.js';
import { matchSchemas } from './schema-match.js';

/** A schema exists. */
function schemaExists(name: string): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ${quoteLiteral(name)})`;
}

/** Schemas (CREATE / DROP / ALTER SCHEMA .. RENAME). */
export const schemaKind: KindModule<'schema', SchemaChange, 'schema'> = {
  name: 'schema',
  match: matchSchemas,
  diff: diffSchemas,
  changes: {
    createSchema: {
      build: createSchemaActions,
      describe: (c) => ({ object: 'schema', name: quoteIdent(c.schema.name), group: quoteIdent(c.schema.name), action: 'create' }),
    },
  },
  objects: {
    schema: {
      displayName: bareName,
      dropRank: DROP_RANK.schema,
      dropTarget: (_c, live, r) => liveTarget(live.schemas.get(r.name), schemaDeps, DROP_RANK.schema),
      dropSql: (c) => `DROP SCHEMA IF EXISTS ${quoteIdent(c.ref.name)}`,
      renameSql: (from, to) => ({
        condition: `${schemaExists(from.name)} AND NOT ${schemaExists(to.name)}`,
        statements: [`ALTER SCHEMA ${quoteIdent(from.name)} RENAME TO ${quoteIdent(to.name)}`],
      }),
      renamedAsPart: false,
      mentionable: false,
      dropRequires: nothing,
      names: ownNames('schema'),
      dep: (r) => schemaDep(r.name),
      databaseLevel: true,
      // Every database has `public`, and other tools put objects there.
      keptUndeclared: (r) => r.name === 'public',
    },
  },
  compare: { state: (s) => s.schemas, object: () => 'schema' },
  inPlace: (t) => [...t.schemas.values()].filter((s) => s.name !== 'public').map((s) => ({ label: 'schema', name: quoteIdent(s.name) })),
};
