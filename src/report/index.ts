/** Renderings of a schema state: canonical SQL dump and the public JSON format. */
export { renderStateSql, type RenderStateSqlOptions } from './state-sql.js';
export { renderStateJson, stateToJson, STATE_JSON_VERSION, type StateJson, type StateJsonOptions } from './state-json.js';
