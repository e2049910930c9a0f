import { qualify } from '../../model/names.js';
import type { ObjectDiagram } from '../kind-module.js';

/** A comment on a table changes it; a rename labels it with its old name; a history drop marks it dropped. */
export const tableDiagram: ObjectDiagram = {
  comment: (ref, marks) => marks.touch(ref),
  rename: (from, to, marks) => marks.touch(to, 'changed', qualify(from)),
  drop: (c, marks) => {
    if (c.reason !== 'replace') marks.touch(c.ref, 'dropped');
  },
};
