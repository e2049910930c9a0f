import { quoteIdent } from '../../model/names.js';
import { extensionDeps } from './extension-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { bareName, liveTarget, nothing, ownNames } from '../object-specs.js';
import { extensionDep } from '../../plan/dependency-keys.js';
import { createExtensionActions, setExtensionSchemaActions } from './extension-actions.js';
import { extensionSchemaDifferences } from './extension-compare.js';
import type { ExtensionChange } from './extension-change.js';
import { diffExtensions } from './extension-diff.js';
import { matchExtensions } from './extension-match.js';

/** Extensions (CREATE / DROP EXTENSION, ALTER EXTENSION .. SET SCHEMA); PostgreSQL cannot rename one. */
export const extensionKind: KindModule<'extension', ExtensionChange, 'extension'> = {
  name: 'extension',
  match: matchExtensions,
  diff: diffExtensions,
  changes: {
    createExtension: {
      build: createExtensionActions,
      describe: (c) => ({ object: 'extension', name: quoteIdent(c.extension.name), group: quoteIdent(c.extension.name), action: 'create' }),
    },
    setExtensionSchema: {
      build: setExtensionSchemaActions,
      describe: (c) => ({ object: 'extension', name: quoteIdent(c.extension.name), group: quoteIdent(c.extension.name), action: 'move', detail: `from ${quoteIdent(c.from)} to ${quoteIdent(c.extension.schema)}` }),
    },
  },
  objects: {
    extension: {
      displayName: bareName,
      dropRank: DROP_RANK.extension,
      dropTarget: (_c, live, r) => liveTarget(live.extensions.get(r.name), extensionDeps, DROP_RANK.extension),
      dropSql: (c) => `DROP EXTENSION IF EXISTS ${quoteIdent(c.ref.name)}`,
      renameSql: () => 'PostgreSQL cannot rename an extension',
      renamedAsPart: false,
      mentionable: false,
      dropRequires: nothing,
      names: ownNames('extension'),
      dep: (r) => extensionDep(r.name),
      databaseLevel: true,
      // An extension belongs to the whole database, beyond the schemas `--schema` compares.
      keptUndeclared: (_r, opts) => !!opts.schemas?.length,
    },
  },
  compare: { state: (s) => s.extensions, object: () => 'extension', ignored: new Set(['defaultComment']) },
  // Its schema, which the by-key comparison skips for every kind, where the history wrote it.
  compareState: (target, live) => ({ attributes: extensionSchemaDifferences(target, live), entries: [] }),
  inPlace: (t) => [...t.extensions.values()].map((e) => ({ label: 'extension', name: quoteIdent(e.name) })),
};
