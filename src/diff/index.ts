export { compareStates, countObjects } from './compare-states.js';
export { canonicalJson } from './same-value.js';
export type { Difference, AttributeDifference } from './difference.js';
export { diff } from './diff.js';
export type { DiffOptions } from './diff-context.js';
export { countChanges } from './count-changes.js';
export { assertNever } from './change.js';
export type { Change, ChangeKind, Concern, DiffResult, Drift, Hazard, PlannedChange, Safety, TableRef, UnmanagedObject } from './change.js';
export type { TypeStep } from '../kinds/column/column-retypes.js';
