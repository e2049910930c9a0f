import { qualify, quoteIdent } from '../../model/names.js';
import type { Change } from '../../diff/change.js';
import type { ChangeSubject } from '../../diff/describe-change.js';

type PolicyChange = Extract<Change, { kind: 'setRowSecurity' | 'createPolicy' | 'alterPolicy' }>;

const onOff = (v: boolean | undefined, on: string, off: string): string[] => (v === undefined ? [] : [v ? on : off]);

/** Names and verbs for row-level security changes (see describeChange). */
export function describePolicyChange(c: PolicyChange): ChangeSubject {
  if (c.kind === 'setRowSecurity') {
    const action = [...onOff(c.enabled, 'enable', 'disable'), ...onOff(c.forced, 'force', 'un-force')].join(' and ');
    return { object: 'table', name: qualify(c.table), group: qualify(c.table), action: `${action} row level security on` };
  }
  const table = qualify({ schema: c.policy.schema, name: c.policy.table });
  const name = `${table}.${quoteIdent(c.policy.name)}`;
  if (c.kind === 'createPolicy') {
    const detail = `${c.policy.permissive ? 'permissive' : 'restrictive'} for ${c.policy.command}`;
    return { object: 'policy', name, group: table, action: c.replace ? 'replace' : 'create', detail };
  }
  const changed = (['roles', 'using', 'withCheck'] as const).filter((k) => JSON.stringify(c.policy[k]) !== JSON.stringify(c.live[k]));
  return { object: 'policy', name, group: table, action: 'alter', detail: `${changed.map((k) => (k === 'withCheck' ? 'WITH CHECK' : k === 'using' ? 'USING' : 'roles')).join(', ')} differ` };
}
