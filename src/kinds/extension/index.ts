import { quoteIdent } from '../../model/names.js';
import { extensionDeps } from '../../plan/object-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { bareName, liveTarget, nothing } from '../object-specs.js';
import { createExtensionActions } from './extension-actions.js';
import type { ExtensionChange } from './extension-change.js';
import { diffExtensions } from './extension-diff.js';

/** Extensions (CREATE / DROP EXTENSION); PostgreSQL cannot rename one. */
export const extensionKind: KindModule<'extension', ExtensionChange, 'extension'> = {
  name: 'extension',
  diff: diffExtensions,
  changes: {
    createExtension: {
      build: createExtensionActions,
      describe: (c) => ({ object: 'extension', name: quoteIdent(c.extension.name), group: quoteIdent(c.extension.name), action: 'create' }),
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
    },
  },
  compare: { state: (s) => s.extensions, object: () => 'extension', ignored: new Set(['schema']) },
};
