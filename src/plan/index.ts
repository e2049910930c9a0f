/** Planning: a diff -> an ordered list of idempotent SQL steps. */
export { plan } from './plan.js';
export { fingerprint } from './fingerprint.js';
export { guardedBlockOf, mergeGuardedBlocks } from './guarded-sql.js';
export { TRANSACTION_SETTINGS } from './transaction-settings.js';
export type { Plan, PlanOptions, PlanStep } from './types.js';
