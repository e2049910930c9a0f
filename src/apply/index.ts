export { apply, type ApplyOptions, type ApplyResult } from './apply.js';
export { ApplyError } from './apply-error.js';
