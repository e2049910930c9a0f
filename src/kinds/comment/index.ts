import { objectSpecs } from '../kind-lookup.js';
import type { KindModule } from '../kind-module.js';
import { refGroup, refName } from '../object-names.js';
import { noteComment, setCommentActions } from './comment-actions.js';
import type { CommentChange } from './comment-change.js';

/** COMMENT ON any object; the diff files comments after every other change. */
export const commentKind: KindModule<'comment', CommentChange, never> = {
  name: 'comment',
  changes: {
    setComment: {
      build: setCommentActions,
      scan: noteComment,
      diagram: (c, marks) => objectSpecs()[c.object].diagram?.comment?.(c.ref, marks),
      describe: (c) => ({ object: c.object, name: refName(c.object, c.ref), group: refGroup(c.object, c.ref), action: c.comment === null ? 'remove comment on' : 'set comment on' }),
    },
  },
  objects: {},
};
