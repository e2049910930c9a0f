export { replay, replaySteps, replayStatements, ALEMBIC_VERSION_TABLE } from './replay.js';
export type { ReplayOptions, ReplayResult } from './replay.js';
export type { Diagnostic, ReplayStats } from './diagnostics.js';
export { makeObjectName, chooseName } from './naming.js';
