import { typeExists } from '../../plan/catalog-conditions.js';
import { domainDeps } from '../../plan/object-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { relationObject } from '../object-specs.js';
import { domainActions } from './domain-actions.js';
import { describeDomainOp, type DomainChange } from './domain-change.js';
import { compareDomainChecks, countDomainChecks } from './domain-compare.js';
import { diffDomains } from './domain-diff.js';

/**
 * Domains: created (guarded, CREATE DOMAIN has no IF NOT EXISTS), altered in place where ALTER
 * DOMAIN can, renamed and dropped through the shared rename and drop changes; `check` compares
 * their checks one by one.
 */
export const domainKind: KindModule<'domain', DomainChange, 'domain'> = {
  name: 'domain',
  diff: diffDomains,
  changes: {
    domain: { build: domainActions, describe: (c) => describeDomainOp(c.domain, c.op) },
  },
  objects: {
    domain: relationObject({ keyword: 'DOMAIN', exists: typeExists, map: (s) => s.domains, deps: domainDeps, dropRank: DROP_RANK.domain, renamedAsPart: false }),
  },
  compare: {
    state: (s) => s.domains,
    object: () => 'domain',
    parts: compareDomainChecks,
    ignored: new Set(['checks']),
    countParts: countDomainChecks,
  },
};
