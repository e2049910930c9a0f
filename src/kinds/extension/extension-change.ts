import type { ExtensionDef } from '../../model/objects.js';

/** The changes the extension kind emits. */
export type ExtensionChange = { readonly kind: 'createExtension'; readonly extension: ExtensionDef };
