import type { DiffContext } from '../../diff/diff-context.js';
import type { ExtensionDef } from '../../model/objects.js';
import { setComment } from '../comment/comment-change.js';
import { createExtension, setExtensionSchema } from './extension-change.js';
import { extensionMove } from '../../model/extension-catalog.js';
import { EXTENSIONS } from './extension-match.js';

/** The comment an extension has (null: none): absent `comment` is its control file's, when known. */
const commentOf = (e: ExtensionDef, defaultComment: string | undefined): string | null =>
  (e.comment === undefined ? defaultComment : e.comment) || null;

/**
 * Extensions: create, drop or report, move (ALTER EXTENSION .. SET SCHEMA, never drop and create:
 * DROP EXTENSION would cascade to the columns of its types) where the target knows its schema
 * (extensionMove: written, or pinned by its control file), and the comment where the history
 * set one (or the live one was changed from the one CREATE EXTENSION gives).
 */
export function diffExtensions(ctx: DiffContext): void {
  const { out } = ctx;
  for (const { key, target } of ctx.matched(EXTENSIONS).created) {
    out.add('extension', key, createExtension(target));
    // CREATE EXTENSION gives the control file's comment: a change only where the history set its own.
    if (target.comment !== undefined) out.comment(setComment('extension', { schema: target.schema ?? 'public', name: target.name }, target.comment || null, target.origin));
  }
  for (const { key, target, live } of ctx.matched(EXTENSIONS).pairs) {
    const move = extensionMove(target, live);
    if (move) out.add('extension', key, setExtensionSchema(target, move.to, move.from));
    const wanted = commentOf(target, live.defaultComment);
    if (wanted !== commentOf(live, live.defaultComment)) out.comment(setComment('extension', { schema: live.schema ?? 'public', name: target.name }, wanted, target.origin));
  }
  for (const { key, live } of ctx.matched(EXTENSIONS).liveOnly) {
    const ref = { schema: live.schema ?? 'public', name: live.name };
    const ev = ctx.pendingDrop('extension', ref);
    if (ev) out.add('extension', key, ctx.dropChange('extension', ref, ev));
    else out.addUnmanaged('extension', ref);
  }
}
