import type { ObjectDiagram } from '../kind-module.js';
import { parentOf } from '../object-specs.js';

/** Comments on, renames and drops of columns are notes on the column of its table. */
export const columnDiagram: ObjectDiagram = {
  comment: (ref, marks) => marks.note(parentOf(ref), ref.name, 'comment changed'),
  rename: (from, to, marks) => marks.note(parentOf(to), to.name, `renamed from ${from.name}`),
  drop: (c, marks) => marks.note(parentOf(c.ref), c.ref.name, c.reason !== 'replace' ? 'dropped' : 'rebuilt'),
};
