import { NO_TABLE_LOCK } from '../../plan/statement-effects.js';
import type { Change } from '../../diff/change.js';
import { statement, type Built } from '../../plan/action.js';
import { objectDep, schemaDep } from '../../plan/dependency-keys.js';
import { deps } from '../../plan/object-deps.js';
import { RANK } from '../../plan/rank.js';

/** GRANT / REVOKE, once the objects exist and their comments are set (after table-level revokes, column grants: see privilege-steps.ts). */
export const PRIVILEGES_RANK = RANK.comment + 5;

/**
 * The GRANT / REVOKE statements of one object, after the object exists (its dependency key) and
 * after comments. GRANT and REVOKE are idempotent in PostgreSQL: rerunning them changes nothing.
 */
export function setPrivilegesActions(c: Extract<Change, { kind: 'setPrivileges' }>, index: number): Built {
  const { step } = c;
  const requires = !step.ref
    ? []
    : step.object === 'default privileges'
      ? [schemaDep(step.ref.schema)]
      : [objectDep(step.object, step.ref, step.args)];
  return [
    {
      change: index,
      rank: PRIVILEGES_RANK,
      name: step.name,
      statements: step.sql.map((sql) => statement(sql, `${step.detail} on ${step.object} ${step.name}`, NO_TABLE_LOCK)),
      deps: deps({ requires }),
    },
  ];
}
