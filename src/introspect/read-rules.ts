import type { RuleDef } from '../model/index.js';
import { canonicalRuleActions } from '../parse/index.js';
import type { CatalogQuery } from './catalog-query.js';
import { commentJoin, inScope, notInExtension } from './catalog-scope.js';
import { commentField } from './comment-field.js';
import { lowerDefinition } from './lower-definition.js';
import { FIRING } from './read-triggers.js';

interface Row {
  relationOid: number;
  schema: string;
  table: string;
  name: string;
  definition: string;
  enabled: string;
  description: string | null;
}

const SQL = `
SELECT c.oid AS "relationOid", n.nspname AS schema, c.relname AS table, r.rulename AS name,
  pg_catalog.pg_get_ruledef(r.oid) AS definition, r.ev_enabled AS enabled, d.description
FROM pg_catalog.pg_rewrite r
JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
${commentJoin('d', 'pg_rewrite', 'r.oid')}
WHERE r.rulename <> '_RETURN' AND ${inScope('n')} AND ${notInExtension('pg_class', 'c.oid')}
ORDER BY n.nspname, c.relname, r.rulename`;

/** A rule and the oid of its relation (rules on relations left out fall away with them). */
export interface RuleWithOid {
  readonly relationOid: number;
  readonly rule: RuleDef;
}

/**
 * Rewrite rules other than views' `_RETURN`. pg_get_ruledef prints the CREATE RULE statement
 * (INSERT column lists filled in, columns qualified), lowered like a migration's and made
 * canonical by the same code; the printed text is what a plan would execute.
 */
export const readRules: CatalogQuery<Row, RuleWithOid[]> = {
  sql: () => SQL,
  build: (rows) =>
    rows.map((r) => {
      const ddl = lowerDefinition('createRule', r.definition.trim().replace(/;$/, ''), `rule ${r.name} on ${r.schema}.${r.table}`);
      const actions = ddl.actions;
      return {
        relationOid: r.relationOid,
        rule: {
          schema: r.schema, table: r.table, name: r.name, event: ddl.event, instead: ddl.instead,
          ...(ddl.where !== undefined ? { where: ddl.where } : {}),
          actions: canonicalRuleActions(actions, () => undefined),
          ...(FIRING[r.enabled] ? { enabled: FIRING[r.enabled] } : {}),
          ...commentField(r.description),
        },
      };
    }),
};
