export * from './origin.js';
export * from './names.js';
export type * from './objects.js';
export * from './history.js';
export * from './schema-state.js';
