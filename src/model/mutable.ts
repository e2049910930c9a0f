/**
 * A readonly model type with its fields writable, for the one function that builds the object.
 * Hot builders set optional fields with `if` instead of `...(cond ? { k: v } : {})`: V8 runs an
 * object spread through a generic copy that at 5,000 tables costs tens of milliseconds per builder.
 */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
