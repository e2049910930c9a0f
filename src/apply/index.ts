export { apply, type ApplyOptions, type ApplyResult, type ApplyTarget, type ReplayedTarget } from './apply.js';
export { ApplyError } from './apply-error.js';
