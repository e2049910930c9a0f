import type { ObjectDiagram } from '../kind-module.js';
import { parentOf } from '../object-specs.js';

/** A renamed or dropped constraint changes its table (its comment does not show in the diagram). */
export const constraintDiagram: ObjectDiagram = {
  rename: (_from, to, marks) => marks.touch(parentOf(to)),
  drop: (c, marks) => marks.touch(parentOf(c.ref)),
};
