import { quoteIdent } from '../../model/names.js';
import { schemaExists } from '../../plan/catalog-conditions.js';
import { schemaDeps } from '../../plan/object-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { bareName, liveTarget, nothing } from '../object-specs.js';
import { createSchemaActions } from './schema-actions.js';
import type { SchemaChange } from './schema-change.js';
import { diffSchemas } from './schema-diff.js';

/** Schemas (CREATE / DROP / ALTER SCHEMA .. RENAME). */
export const schemaKind: KindModule<'schema', SchemaChange, 'schema'> = {
  name: 'schema',
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
    },
  },
  compare: { state: (s) => s.schemas, object: () => 'schema' },
};
