export { compareStates, countObjects, canonicalJson } from './compare-states.js';
export type { Difference, AttributeDifference } from './difference.js';
