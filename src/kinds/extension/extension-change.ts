import type { Change } from '../../diff/change.js';
import { originField } from '../../diff/make-change.js';
import type { ExtensionDef } from '../../model/objects.js';

/** The changes the extension kind emits. */
export type ExtensionChange = { readonly kind: 'createExtension'; readonly extension: ExtensionDef };

/** CREATE EXTENSION: additive. */
export const createExtension = (extension: ExtensionDef): Change => ({
  kind: 'createExtension', extension, ...originField(extension.origin),
});

